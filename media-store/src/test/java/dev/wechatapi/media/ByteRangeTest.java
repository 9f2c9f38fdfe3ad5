package dev.wechatapi.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

  @ParameterizedTest(name = "{0} of 1000 bytes is {1}-{2}")
  @CsvSource(delimiter = '|', value = {
      "bytes=0-499      | 0   | 499",
      "bytes=500-       | 500 | 999",
      "bytes=-200       | 800 | 999",
      "bytes=-5000      | 0   | 999",
      "bytes=900-5000   | 900 | 999",
      "bytes=999-999    | 999 | 999",
      "Bytes= 10 - 19   | 10  | 19",
      "bytes=0-99999999999999999999999 | 0 | 999"})
  void satisfiableRangesAreClampedToTheFile(String header, long first, long last) {
    ByteRange range = ByteRange.parse(header, 1000).orElseThrow();

    assertThat(range).isEqualTo(new ByteRange(first, last));
    assertThat(range.length()).isEqualTo(last - first + 1);
    assertThat(range.contentRange(1000)).isEqualTo("bytes " + first + "-" + last + "/1000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=-0", "bytes=99999999999999999999999-"})
  void rangesSelectingNothingAreUnsatisfiable(String header) {
    assertThatThrownBy(() -> ByteRange.parse(header, 1000))
        .isInstanceOfSatisfying(UnsatisfiableRangeException.class, e -> {
          assertThat(e.size()).isEqualTo(1000);
          assertThat(e.contentRange()).isEqualTo("bytes */1000");
        });
  }

  @Test
  void anyRangeOfAnEmptyFileIsUnsatisfiable() {
    assertThatThrownBy(() -> ByteRange.parse("bytes=-1", 0)).isInstanceOf(UnsatisfiableRangeException.class);
    assertThatThrownBy(() -> ByteRange.parse("bytes=0-", 0)).isInstanceOf(UnsatisfiableRangeException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "items=0-10", "bytes=", "bytes=abc", "bytes=5-2", "bytes=0-10,20-30", "bytes=-",
      "bytes=1-2-3", "bytes=+1-2", "bytes=-+5", "0-10"})
  void headersToIgnoreServeTheWholeFile(String header) {
    assertThat(ByteRange.parse(header, 1000)).isEmpty();
  }

  @Test
  void anAbsentHeaderServesTheWholeFile() {
    assertThat(ByteRange.parse(null, 1000)).isEmpty();
  }

  @Test
  void aBackwardsOrNegativeRangeCannotBeBuilt() {
    assertThatThrownBy(() -> new ByteRange(5, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ByteRange(-1, 4)).isInstanceOf(IllegalArgumentException.class);
  }
}
