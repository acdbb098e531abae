package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of the {@link IkeWiresharkKeys} table readers: arbitrary text only ever
 * raises {@link IkeWiresharkTableException}, and a table that reads writes back to a table that
 * reads to the same text again. The seed corpus in {@code IkeWiresharkKeysFuzzTestInputs/} (the two
 * tables Wireshark saved) runs in every build; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class IkeWiresharkKeysFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void readersOnlyRaiseTheTableException(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        try {
            List<IkeWiresharkKeyRow> rows = IkeWiresharkKeys.readIkev2DecryptionTable(text);
            String written = IkeWiresharkKeys.ikev2DecryptionTableWithKeys(rows);
            assertThat(IkeWiresharkKeys.ikev2DecryptionTableWithKeys(IkeWiresharkKeys.readIkev2DecryptionTable(written)))
                    .isEqualTo(written);
        } catch (IkeWiresharkTableException expected) {
            // the only failure allowed
        }
        try {
            List<IkeWiresharkEspSaRow> rows = IkeWiresharkKeys.readEspSaTable(text);
            String written = IkeWiresharkKeys.espSaTableWithKeys(rows);
            assertThat(IkeWiresharkKeys.espSaTableWithKeys(IkeWiresharkKeys.readEspSaTable(written))).isEqualTo(written);
        } catch (IkeWiresharkTableException expected) {
            // the only failure allowed
        }
    }
}
