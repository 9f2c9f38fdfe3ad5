package dev.wechatapi.archive.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextGramsTest {

    @Test
    void textIsIndexedAsDistinctLowerCasedCodePointPairsEndingWithTheEndMarker() {
        assertThat(TextGrams.index("你好")).isEqualTo("004f6000597d 00597dzzzzzz");
        assertThat(TextGrams.index("AaA")).isEqualTo("000061000061 000061zzzzzz");
        assertThat(TextGrams.index("🎉")).isEqualTo("01f389zzzzzz");
        assertThat(TextGrams.index("")).isNull();
        assertThat(TextGrams.index(null)).isNull();
    }

    @Test
    void oneCharacterNeedleIsAPrefixQueryAndLongerNeedlesRequireEveryPair() {
        assertThat(TextGrams.query("好")).isEqualTo("+00597d*");
        assertThat(TextGrams.query("你好呀")).isEqualTo("+004f6000597d +00597d005440");
        assertThat(TextGrams.query("ABAB")).isEqualTo("+000061000062 +000062000061");
    }

    @Test
    void longNeedlesAreLookedUpByTheirFirstSixteenPairs() {
        assertThat(TextGrams.query("abcdefghijklmnopqrstuvwxyz").split(" ")).hasSize(16);
    }
}
