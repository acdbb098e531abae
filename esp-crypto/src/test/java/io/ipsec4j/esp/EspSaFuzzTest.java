package io.ipsec4j.esp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.testing.EspSuiteSas;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@link EspSa#open}: arbitrary bytes only ever raise
 * {@link EspException} subclasses. The seed corpus in {@code EspSaFuzzTestInputs/} runs in every
 * build; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class EspSaFuzzTest {
    private static final List<EspSa> INBOUND = inbound();

    private static List<EspSa> inbound() {
        List<EspSa> out = new ArrayList<>();
        for (EspSuiteSas s : EspSuiteSas.ALL) {
            try {
                out.add(EspTestSupport.pair(s, false, 64)[1]);
                out.add(EspTestSupport.pair(s, true, 0)[1]);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    @FuzzTest(maxDuration = "30s")
    void openOnlyRaisesTypedExceptions(FuzzedDataProvider data) {
        EspSa sa = INBOUND.get(data.consumeInt(0, INBOUND.size() - 1));
        boolean rightSpi = data.consumeBoolean();
        boolean direct = data.consumeBoolean();
        byte[] bytes = data.consumeRemainingAsBytes();
        ByteBuf buf = direct ? Unpooled.directBuffer(bytes.length + 1) : Unpooled.buffer(bytes.length + 1);
        buf.writeBytes(bytes);
        if (rightSpi && bytes.length >= 4) {
            buf.setInt(0, sa.spi());
        }
        try {
            sa.open(buf);
        } catch (EspException expected) {
            // The only acceptable failure.
        } finally {
            buf.release();
        }
    }
}
