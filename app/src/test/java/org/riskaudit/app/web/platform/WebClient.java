package org.riskaudit.app.web.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test browser over java.net.http: keeps the session cookie itself (so it can be copied to
 * another server instance), follows no redirects, and remembers the last CSRF token seen in a page.
 */
public final class WebClient {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Pattern COOKIE = Pattern.compile(StoreSessions.COOKIE + "=([^;]*)");

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private String base;
  private String cookie;
  private String csrf;

  public WebClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** Sends the following requests to another server (keeping the cookie). */
  public WebClient at(int port) {
    this.base = "http://127.0.0.1:" + port;
    return this;
  }

  public String cookie() {
    return cookie;
  }

  public void cookie(String value) {
    this.cookie = value;
  }

  public String csrf() {
    return csrf;
  }

  public void csrf(String token) {
    this.csrf = token;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** A form POST; the remembered CSRF token is added unless {@code form} has one. */
  public HttpResponse<String> post(String path, Map<String, String> form) {
    Map<String, String> f = new LinkedHashMap<>(form);
    if (csrf != null && !f.containsKey("csrf")) {
      f.put("csrf", csrf);
    }
    StringBuilder body = new StringBuilder();
    f.forEach(
        (k, v) -> {
          if (v == null) {
            return;
          }
          if (body.length() > 0) {
            body.append('&');
          }
          body.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** A request of any method with the remembered CSRF token in the X-CSRF-Token header. */
  public HttpResponse<String> send(String method, String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    return send(b);
  }

  public HttpResponse<String> send(HttpRequest.Builder b) {
    if (cookie != null) {
      b.header("Cookie", StoreSessions.COOKIE + "=" + cookie);
    }
    b.timeout(Duration.ofSeconds(60));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      for (String set : r.headers().allValues("Set-Cookie")) {
        Matcher m = COOKIE.matcher(set);
        if (m.find()) {
          cookie = m.group(1).isEmpty() ? null : m.group(1);
        }
      }
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String location(HttpResponse<?> r) {
    return r.headers().firstValue("Location").orElse(null);
  }
}
