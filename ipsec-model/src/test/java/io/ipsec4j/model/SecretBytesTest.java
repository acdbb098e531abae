package io.ipsec4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretBytesTest {
    @Test
    void toStringShowsOnlyTheLength() {
        SecretBytes key = SecretBytes.of(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
        assertThat(key.toString()).isEqualTo("SecretBytes[4 bytes]").doesNotContainIgnoringCase("dead");
    }

    @Test
    void destroyZeroesAndForbidsFurtherReads() {
        SecretBytes key = SecretBytes.of(new byte[] {1, 2, 3});
        key.destroy();
        assertThat(key.isDestroyed()).isTrue();
        assertThatThrownBy(key::copyBytes).isInstanceOf(IllegalStateException.class).hasMessageContaining("destroyed");
    }

    @Test
    void sliceTakesKeyParts() {
        SecretBytes keymat = SecretBytes.of(new byte[] {1, 2, 3, 4});
        assertThat(keymat.slice(2, 4).copyBytes()).containsExactly(3, 4);
        assertThat(keymat.slice(0, 2)).isEqualTo(SecretBytes.of(new byte[] {1, 2}));
    }
}
