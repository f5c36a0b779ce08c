package org.riskaudit.app.web.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server refuses an oversized or unsized multipart upload from its headers, before anything
 * (the CSRF check included) reads the body: the tests send the headers and only a few bytes of the
 * body, so an answer at all shows that the body was not read.
 */
class UploadLimitTest {
  private static final String PROPERTY = "riskaudit.maxUploadMb";

  @TempDir Path dir;

  @AfterEach
  void clear() {
    System.clearProperty(PROPERTY);
  }

  @Test
  void anUploadStatingMoreThanTheLimitIsRefusedBeforeItsBodyIsRead() throws IOException {
    System.setProperty(PROPERTY, "1");
    try (WebTestServer s = WebTestServer.sqliteWith(dir, new TestModule())) {
      String answer =
          exchange(s.port(), "Content-Length: " + (5L << 20), "--b\r\nContent-Disposition: form");
      assertThat(answer).startsWith("HTTP/1.1 413").contains("larger than the limit of 1 MB");
    }
  }

  @Test
  void anUploadWithoutAStatedSizeIsRefused() throws IOException {
    try (WebTestServer s = WebTestServer.sqliteWith(dir, new TestModule())) {
      String answer = exchange(s.port(), "Transfer-Encoding: chunked", "5\r\n--b\r\n\r\n");
      assertThat(answer).startsWith("HTTP/1.1 411").contains("must state its size");
    }
  }

  @Test
  void anUploadWithinTheLimitReachesTheRoute() throws IOException {
    System.setProperty(PROPERTY, "1");
    try (WebTestServer s = WebTestServer.sqliteWith(dir, new TestModule())) {
      String body = "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--b--\r\n";
      String answer =
          exchange(
              s.port(), "Content-Length: " + body.getBytes(StandardCharsets.US_ASCII).length, body);
      // past the upload check: the access check answers (no session) instead
      assertThat(answer).doesNotStartWith("HTTP/1.1 413").doesNotStartWith("HTTP/1.1 411");
    }
  }

  @Test
  void aLimitThatIsNotAWholeNumberOfMegabytesIsAClearError() {
    System.setProperty(PROPERTY, "2.5");
    assertThatThrownBy(UploadLimit::configured)
        .hasMessageContaining("RISKAUDIT_MAX_UPLOAD_MB must be a whole number of megabytes");
  }

  /** Sends a multipart POST's headers and the start of its body; returns the response. */
  private static String exchange(int port, String lengthHeader, String bodyStart)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      String head =
          "POST /test/audits/a/counties/c HTTP/1.1\r\n"
              + "Host: 127.0.0.1:"
              + port
              + "\r\nContent-Type: multipart/form-data; boundary=b\r\n"
              + lengthHeader
              + "\r\nConnection: close\r\n\r\n";
      out.write((head + bodyStart).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buf = new byte[8192];
      StringBuilder answer = new StringBuilder();
      for (int n; answer.indexOf("</html>") < 0 && (n = in.read(buf)) > 0; ) {
        answer.append(new String(buf, 0, n, StandardCharsets.UTF_8));
      }
      return answer.toString();
    }
  }
}
