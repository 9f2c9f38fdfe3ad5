package dev.wechatapi.wechat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebTextTest {

    @Test
    void emojiSpansBecomeCharactersIncludingFlags() {
        assertThat(WebText.decode("笑<span class=\"emoji emoji1f604\"></span>中国<span class=\"emoji emoji1f1e81f1f3\"></span>"))
                .isEqualTo("笑😄中国🇨🇳");
        assertThat(WebText.decode("<span class='emoji emoji2764'></span>")).isEqualTo("❤");
    }

    @Test
    void lineBreaksAndEntitiesAreDecodedOnce() {
        assertThat(WebText.decode("a<br/>b&lt;c&gt; &amp;lt; &#39;x&#x27; &quot;q&quot;")).isEqualTo("a\nb<c> &lt; 'x' \"q\"");
    }

    @Test
    void textThatOnlyLooksLikeMarkupStaysAsTyped() {
        assertThat(WebText.decode("&lt;br/&gt; &lt;span class=\"emoji emoji1f604\"&gt;&lt;/span&gt;"))
                .isEqualTo("<br/> <span class=\"emoji emoji1f604\"></span>");
    }

    @Test
    void unknownEntitiesAndOddSpansAreLeftAlone() {
        assertThat(WebText.decode("&bogus; &#99999999; <span class=\"emoji emoji1f46041\"></span>"))
                .isEqualTo("&bogus; &#99999999; <span class=\"emoji emoji1f46041\"></span>");
    }
}
