package dev.wechatapi.archive.messages;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The bigram index of message texts behind {@code /messages?search=}. Chinese has no spaces to split words on and
 * MariaDB's InnoDB FULLTEXT has no ngram parser, so the archive splits the lower-cased text into overlapping
 * pairs of code points itself and stores each pair as a 12-character ASCII word (two code points in hex) in
 * {@code messages.text_grams}, under an ordinary FULLTEXT index that MariaDB and MySQL 8 both build.
 *
 * <p>A text containing a needle contains every pair of the needle, so matching all of the needle's words narrows
 * the candidates through the index; a LIKE on the text then keeps only real substrings. The last code point of a
 * text is also paired with {@link #END}, so every code point starts a word and a one-character needle is a prefix
 * search.
 *
 * <pre>{@code
 * TextGrams.index("你好")        // "004f6000597d 00597dzzzzzz"
 * TextGrams.query("你好")        // "+004f6000597d"
 * }</pre>
 *
 * <p>Public because whatever writes {@code messages} rows outside the ingest (the benchmarks' loaders) must write
 * the same words.
 */
public final class TextGrams {

    /** The code point after the last: never a hex digit, so no text pair can look like it. */
    public static final String END = "zzzzzz";

    // Needle pairs used in the index lookup; the LIKE check makes the rest redundant, and each one costs a lookup.
    private static final int MAX_QUERY_WORDS = 16;

    private TextGrams() {}

    /** The index words of a text, space-separated, each pair once; null for no text. */
    public static @Nullable String index(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int[] points = lowerCodePoints(text);
        Set<String> words = new LinkedHashSet<>();
        for (int i = 0; i < points.length; i++) {
            words.add(hex(points[i]) + (i + 1 < points.length ? hex(points[i + 1]) : END));
        }
        return String.join(" ", words);
    }

    /** The BOOLEAN MODE query that finds every text containing {@code needle} (and maybe a few more). */
    static String query(String needle) {
        int[] points = lowerCodePoints(needle);
        if (points.length == 1) {
            return "+" + hex(points[0]) + "*";
        }
        Set<String> words = new LinkedHashSet<>();
        for (int i = 0; i + 1 < points.length && words.size() < MAX_QUERY_WORDS; i++) {
            words.add("+" + hex(points[i]) + hex(points[i + 1]));
        }
        return String.join(" ", words);
    }

    private static int[] lowerCodePoints(String text) {
        // Per code point, like the database's LOWER(): String.toLowerCase may change a string's length.
        return text.codePoints().map(Character::toLowerCase).toArray();
    }

    private static String hex(int codePoint) {
        String hex = Integer.toHexString(codePoint).toLowerCase(Locale.ROOT);
        return "000000".substring(hex.length()) + hex;
    }
}
