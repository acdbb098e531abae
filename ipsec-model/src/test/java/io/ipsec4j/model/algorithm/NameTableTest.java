package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NameTableTest {

    @Test
    void theFirstSpellingIsPrintedAndAliasesAreOnlyRead() {
        NameTable<Integer> t = new NameTable<Integer>().add(1, "One", "uno").add(2, "Two");
        t.alias(3, "three");
        assertThat(t.find(" ONE ")).isEqualTo(1);
        assertThat(t.find("Uno")).isEqualTo(1);
        assertThat(t.nameOf(1)).contains("One");
        assertThat(t.find("three")).isEqualTo(3);
        assertThat(t.nameOf(3)).isEmpty();
        assertThat(t.find("four")).isNull();
        assertThat(t.spellings()).containsOnlyKeys("One", "uno", "Two", "three");
    }

    @Test
    void conflictingSpellingsAreATableBug() {
        NameTable<Integer> t = new NameTable<Integer>().add(1, "x");
        assertThatThrownBy(() -> t.add(2, "X")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void suggestionsAreTheThreeClosestByEditDistance() {
        NameTable<Integer> t = new NameTable<Integer>().add(1, "aes128").add(2, "aes192").add(3, "aes256")
                .add(4, "3des").add(5, "sha256");
        assertThat(t.suggestions("aes129")).containsExactly("aes128", "aes192", "aes256");
        assertThat(t.suggestions("SHA265")).first().isEqualTo("sha256");
        assertThat(t.suggestions("x".repeat(100_000))).hasSize(3);
    }

    @Test
    void editDistanceIsLevenshtein() {
        assertThat(NameTable.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(NameTable.editDistance("", "abc")).isEqualTo(3);
        assertThat(NameTable.editDistance("abc", "abc")).isZero();
    }

    @Test
    void normalisationTrimsCollapsesAndLowerCases() {
        assertThat(NameTable.normalize("  Diffie-Hellman \t Group\n2 ")).isEqualTo("diffie-hellman group 2");
    }
}
