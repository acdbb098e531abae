package io.ipsec4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BytesTest {
    @Test
    void copiesOnTheWayInAndOut() {
        byte[] raw = {1, 2, 3};
        Bytes b = Bytes.of(raw);
        raw[0] = 9;
        assertThat(b.get(0)).isEqualTo((byte) 1);
        b.toByteArray()[1] = 9;
        assertThat(b.get(1)).isEqualTo((byte) 2);
    }

    @Test
    void equalityIsByContent() {
        assertThat(Bytes.fromHex("0a0B")).isEqualTo(Bytes.of((byte) 10, (byte) 11));
        assertThat(Bytes.fromHex("0a0b").toString()).isEqualTo("0a0b");
    }

    @Test
    void badHexIsAnIllegalArgument() {
        assertThatThrownBy(() -> Bytes.fromHex("abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hexadecimal");
    }

    @Test
    void sliceChecksBounds() {
        assertThat(Bytes.fromHex("00112233").slice(1, 3)).isEqualTo(Bytes.fromHex("1122"));
        assertThatThrownBy(() -> Bytes.fromHex("00").slice(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
