package io.ipsec4j.ike.v1;

import io.ipsec4j.fixtures.FixtureFiles;
import java.util.ArrayList;
import java.util.List;

/** The captured ISAKMP messages of {@code vectors/rubnds-ikev1-ikev2-esp.txt}, as hex strings. */
final class RubNdsIkeV1Messages {
    static final String FILE = "rubnds-ikev1-ikev2-esp.txt";

    private RubNdsIkeV1Messages() {}

    /** Returns the first hex line after the line that starts with {@code label}, or the label's own value. */
    static List<String> hexLinesAfter(String label, int count) {
        List<String> lines = FixtureFiles.vector(FILE).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith(label)) {
                List<String> out = new ArrayList<>();
                for (int j = 1; j <= count; j++) {
                    out.add(lines.get(i + j).trim());
                }
                return out;
            }
        }
        throw new AssertionError(label + " not found");
    }

    /** Returns the value after {@code label} on its line (e.g. {@code "message:"}). */
    static String value(String label) {
        for (String line : FixtureFiles.vector(FILE).lines().toList()) {
            String t = line.trim();
            if (t.startsWith(label)) {
                return t.substring(label.length()).trim().split("\\s+")[0];
            }
        }
        throw new AssertionError(label + " not found");
    }

    /** The responder's PAYLOAD-MALFORMED informational (plain). */
    static String malformedNotification() {
        return hexLinesAfter("testFromByteArray_IKEv1PayloadMalformedNotification:", 1).get(0);
    }

    /** A main mode SA offer, then a responder's informational with HASH and RESPONDER-LIFETIME. */
    static List<String> twoMessages() {
        return hexLinesAfter("testIKEMessagesFromByteArray", 2);
    }

    /** The encrypted informational of {@code EncryptedISAKMPMessageTest.testDecrypt}. */
    static String encryptedInformational() {
        return value("message:");
    }
}
