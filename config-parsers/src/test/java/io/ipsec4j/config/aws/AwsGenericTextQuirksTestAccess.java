package io.ipsec4j.config.aws;

/** Gives other test packages the crafted 2009-XSL file of {@link AwsGenericTextQuirksTest}. */
public final class AwsGenericTextQuirksTestAccess {
    private AwsGenericTextQuirksTestAccess() {}

    /** The crafted file. */
    public static String xsl2009() {
        return AwsGenericTextQuirksTest.XSL_2009;
    }
}
