package io.ipsec4j.config.internal;

import io.ipsec4j.config.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A namespace-free XML element read by {@link XmlInput}: name, attributes, trimmed text, children,
 * the line it starts on and its XPath ({@code /vpn_connection/ipsec_tunnel[2]/ike}).
 */
public final class XmlElement {
    private final String name;
    private final String xpath;
    private final int line;
    private final Map<String, String> attributes;
    private final String text;
    private final List<XmlElement> children;

    XmlElement(String name, String xpath, int line, Map<String, String> attributes, String text, List<XmlElement> children) {
        this.name = name;
        this.xpath = xpath;
        this.line = line;
        this.attributes = Map.copyOf(attributes);
        this.text = text;
        this.children = List.copyOf(children);
    }

    /** The local name. */
    public String name() {
        return name;
    }

    /** The XPath of this element, with 1-based positions among same-named siblings. */
    public String xpath() {
        return xpath;
    }

    /** The line of the start tag. */
    public int line() {
        return line;
    }

    /** Where this element is. */
    public SourceLocation location() {
        return SourceLocation.xpath(xpath, line);
    }

    /** The attribute {@code name}, if present. */
    public Optional<String> attribute(String attributeName) {
        return Optional.ofNullable(attributes.get(attributeName));
    }

    /** Where the attribute {@code name} is. */
    public SourceLocation attributeLocation(String attributeName) {
        return SourceLocation.xpath(xpath + "/@" + attributeName, line);
    }

    /** The element's own text, trimmed (empty when none). */
    public String text() {
        return text;
    }

    /** The child elements in document order. */
    public List<XmlElement> children() {
        return children;
    }

    /** The child elements named {@code childName}, in document order. */
    public List<XmlElement> children(String childName) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The first child named {@code childName}. */
    public Optional<XmlElement> child(String childName) {
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Follows a path of child names ({@code "tunnel_outside_address", "ip_address"}). */
    public Optional<XmlElement> path(String... names) {
        Objects.requireNonNull(names, "names");
        Optional<XmlElement> at = Optional.of(this);
        for (String n : names) {
            at = at.flatMap(e -> e.child(n));
        }
        return at;
    }

    /** Describes the element without its text (which may be a secret). */
    @Override
    public String toString() {
        return "XmlElement[" + xpath + ", line " + line + ", " + children.size() + " children]";
    }
}
