package io.ipsec4j.config.internal;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.SourceLocation;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Safe XML reading: no DTD, no entity expansion, no external resources (XXE and "billion laughs"
 * are refused before any parsing), bounded depth and size, namespaces ignored. Syntax errors give a
 * {@link ConfigParseException} with line and column and without the input's text.
 *
 * @see <a href="https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html">OWASP XXE prevention</a>
 */
public final class XmlInput {
    /** Deepest element nesting accepted: AWS XML nests 5 levels. */
    public static final int MAX_DEPTH = 32;
    /** Most elements accepted: a two-tunnel AWS file has about 70. */
    public static final int MAX_ELEMENTS = 20_000;

    private static final XMLInputFactory FACTORY = newFactory();
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'[^']*'");

    private XmlInput() {}

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are not allowed");
        });
        return f;
    }

    /** Refuses DTDs and entity declarations: they are how XXE and entity-expansion attacks start. */
    public static void rejectDtd(String text, CloudConfigFormat format) throws ConfigParseException {
        String upper = text.toUpperCase(Locale.ROOT);
        int at = Math.max(upper.indexOf("<!DOCTYPE"), upper.indexOf("<!ENTITY"));
        if (at >= 0) {
            throw new ConfigParseException(format, SourceLocation.line(lineOf(text, at)),
                    "XML with a DTD or entity declaration is refused (external entities and entity expansion are unsafe)",
                    "plain XML without <!DOCTYPE> or <!ENTITY>");
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Parses {@code text} into its root element. */
    public static XmlElement read(String text, CloudConfigFormat format) throws ConfigParseException {
        rejectDtd(text, format);
        Set<String> names = new HashSet<>();
        XMLStreamReader r = null;
        try {
            synchronized (FACTORY) {
                r = FACTORY.createXMLStreamReader(new StringReader(text));
            }
            return readDocument(r, format, names);
        } catch (XMLStreamException e) {
            Location loc = e.getLocation() != null ? e.getLocation() : r != null ? r.getLocation() : null;
            SourceLocation where = loc != null && loc.getLineNumber() > 0
                    ? SourceLocation.lineColumn(loc.getLineNumber(), Math.max(loc.getColumnNumber(), 0))
                    : SourceLocation.unknown();
            throw new ConfigParseException(format, where, "invalid XML" + describe(e, names),
                    "well-formed XML with a single root element");
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // Nothing to release for a StringReader.
                }
            }
        }
    }

    /**
     * The parser's own words without input text: a quoted token survives only when it is the name
     * of an element (or attribute) already read, which is markup, never a value such as a key.
     */
    private static String describe(XMLStreamException e, Set<String> names) {
        String m = e.getMessage();
        if (m == null) {
            return "";
        }
        int at = m.indexOf("Message: ");
        String text = (at >= 0 ? m.substring(at + 9) : m).split("\n", 2)[0];
        text = DOUBLE_QUOTED.matcher(text).replaceAll(q -> {
            String name = q.group(1).startsWith("</") && q.group(1).endsWith(">")
                    ? q.group(1).substring(2, q.group(1).length() - 1) : q.group(1);
            return names.contains(name) ? Matcher.quoteReplacement(q.group()) : "\"…\"";
        });
        text = SINGLE_QUOTED.matcher(text).replaceAll("'…'").trim();
        if (text.length() > 160) {
            text = text.substring(0, 160) + "…";
        }
        return text.isEmpty() ? "" : ": " + text;
    }

    private static final class Builder {
        final String name;
        final String xpath;
        final int line;
        final Map<String, String> attributes;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();
        final Map<String, Integer> childCounts = new HashMap<>();

        Builder(String name, String xpath, int line, Map<String, String> attributes) {
            this.name = name;
            this.xpath = xpath;
            this.line = line;
            this.attributes = attributes;
        }

        String childPath(String childName) {
            int n = childCounts.merge(childName, 1, Integer::sum);
            return xpath + "/" + childName + "[" + n + "]";
        }

        XmlElement build() {
            return new XmlElement(name, xpath.replace("[1]", ""), line, attributes, text.toString().trim(), children);
        }
    }

    private static XmlElement readDocument(XMLStreamReader r, CloudConfigFormat format, Set<String> names)
            throws XMLStreamException, ConfigParseException {
        Deque<Builder> stack = new ArrayDeque<>();
        XmlElement root = null;
        int elements = 0;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (root != null) {
                        throw new XMLStreamException("content after the root element", r.getLocation());
                    }
                    String name = r.getLocalName();
                    if (++elements > MAX_ELEMENTS) {
                        throw new ConfigParseException(format, SourceLocation.line(r.getLocation().getLineNumber()),
                                "XML with more than " + MAX_ELEMENTS + " elements",
                                "at most " + MAX_ELEMENTS + " elements (XmlInput.MAX_ELEMENTS)");
                    }
                    if (stack.size() >= MAX_DEPTH) {
                        throw new ConfigParseException(format, SourceLocation.line(r.getLocation().getLineNumber()),
                                "XML nested deeper than " + MAX_DEPTH + " levels (at an element <"
                                        + ValueReader.shorten(name) + ">)",
                                "at most " + MAX_DEPTH + " levels of nesting (XmlInput.MAX_DEPTH)");
                    }
                    names.add(name);
                    Map<String, String> attrs = new LinkedHashMap<>();
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        names.add(r.getAttributeLocalName(i));
                    }
                    String path = stack.isEmpty() ? "/" + name + "[1]" : stack.peek().childPath(name);
                    stack.push(new Builder(name, path, r.getLocation().getLineNumber(), attrs));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!stack.isEmpty()) {
                        stack.peek().text.append(r.getText());
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD -> throw new ConfigParseException(format,
                        SourceLocation.line(r.getLocation().getLineNumber()), "XML entity references and DTDs are refused",
                        "plain XML");
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlElement done = stack.pop().build();
                    if (stack.isEmpty()) {
                        root = done;
                    } else {
                        stack.peek().children.add(done);
                    }
                }
                default -> {
                    // Comments, processing instructions and the XML declaration carry no data.
                }
            }
        }
        if (root == null) {
            throw new XMLStreamException("no root element");
        }
        return root;
    }
}
