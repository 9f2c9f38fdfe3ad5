package dev.wechatapi.gateway.login;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The QR code a phone scans to log in, rendered locally: it encodes {@code https://login.weixin.qq.com/l/<uuid>},
 * so a browser never needs to reach WeChat to show it.
 *
 * <pre>byte[] png = QrCodeImage.png(uuid);</pre>
 */
final class QrCodeImage {

  /** WeChat's login uuids are short Base64 strings ({@code wenUv4sQUw==}); the simulator's are alphanumeric. */
  private static final Pattern UUID = Pattern.compile("[A-Za-z0-9_=+-]{4,64}");

  private static final int SIZE = 300;
  private static final int BLACK = 0x000000;
  private static final int WHITE = 0xFFFFFF;

  private QrCodeImage() {}

  static boolean isUuid(String candidate) {
    return UUID.matcher(candidate).matches();
  }

  static String content(String uuid) {
    return "https://login.weixin.qq.com/l/" + uuid;
  }

  /** A {@value #SIZE}×{@value #SIZE} PNG of the login QR code for a uuid that {@link #isUuid} accepts. */
  static byte[] png(String uuid) {
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(content(uuid), BarcodeFormat.QR_CODE, SIZE, SIZE,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
    } catch (WriterException e) {
      throw new IllegalStateException("a short URL always fits in a QR code", e);
    }
    BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        image.setRGB(x, y, matrix.get(x, y) ? BLACK : WHITE);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory", e);
    }
    return png.toByteArray();
  }
}
