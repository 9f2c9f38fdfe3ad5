package dev.wechatapi.allinone;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Finds out which of the stores the system needs answer on this machine. */
final class LocalStores {

  private LocalStores() {}

  /** Whether a Redis server answers PING at host:port (one without a password: the all-in-one passes none). */
  static boolean redisAnswers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1_000);
      socket.setSoTimeout(1_000);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      byte[] answer = in.readNBytes(5);
      return new String(answer, StandardCharsets.US_ASCII).equals("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  /** Fails with the steps to take when no MariaDB or MySQL accepts connections at host:port. */
  static void requireDatabase(String host, int port) {
    if (!FreePorts.answers(host, port)) {
      throw new IllegalStateException("""
          No MariaDB or MySQL answers at %s:%d. The all-in-one mode keeps apps, contacts and messages there.
          Start one, for example:
            sudo service mariadb start                      (a Debian/Ubuntu package)
            docker run -d -p 3306:3306 -e MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1 mariadb:11
          or point at yours with --db-host, --db-port, --db-user and --db-password."""
          .formatted(host, port));
    }
  }
}
