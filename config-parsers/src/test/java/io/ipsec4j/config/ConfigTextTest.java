package io.ipsec4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigTextTest {
    @Test
    void normalisesCrlfAndLoneCrToLf() throws ConfigParseException {
        ConfigText t = ConfigText.decode("a\r\nb\rc\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(t.text()).isEqualTo("a\nb\nc\n");
        assertThat(t.lines()).containsExactly("a", "b", "c", "");
    }

    @Test
    void decodesUtf16FromItsByteOrderMarkOrItsZeros() throws ConfigParseException {
        byte[] be = "\uFEFFab\r\n".getBytes(StandardCharsets.UTF_16BE);
        byte[] leNoBom = "ab\r\n".getBytes(StandardCharsets.UTF_16LE);

        assertThat(ConfigText.decode(be).text()).isEqualTo("ab\n");
        assertThat(ConfigText.decode(be).encoding()).isEqualTo("UTF-16BE with BOM");
        assertThat(ConfigText.decode(leNoBom).text()).isEqualTo("ab\n");
        assertThat(ConfigText.decode(leNoBom).encoding()).isEqualTo("UTF-16LE");
    }

    @Test
    void decodesInvalidUtf8Leniently() throws ConfigParseException {
        assertThat(ConfigText.decode(new byte[] {'a', (byte) 0xc3, 'b'}).text()).isEqualTo("a\uFFFDb");
    }

    @Test
    void refusesControlCharactersWithTheirPosition() {
        assertThatThrownBy(() -> ConfigText.decode("ok\nx\u0001".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("line 2, column 2")
                .hasMessageContaining("U+0001");
    }

    @Test
    void describesItselfWithoutItsContent() throws ConfigParseException {
        assertThat(ConfigText.of("secret").toString()).doesNotContain("secret");
    }
}
