package dev.wechatapi.gateway;

import static dev.wechatapi.gateway.GatewayTestEnvironment.SESSION_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wechatapi.gateway.PublicEndpoints.Endpoint;
import dev.wechatapi.gateway.apps.NewApp;
import dev.wechatapi.media.FileSystemMediaStore;
import dev.wechatapi.media.MediaLinks;
import dev.wechatapi.media.MediaStore;
import dev.wechatapi.media.StoredMedia;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Every forwarded endpoint ({@link PublicEndpoints}), called with app A's credential and everything a client could
 * add to pass for app B (a forged {@code X-Wechat-App-Id}, {@code app_id}/{@code appid} parameters, B's token or B's
 * signature beside A's credential), reaches its service stamped with A's id and nothing else; the endpoints the
 * gateway answers itself (media, QR codes) answer 404 for B's ids.
 */
class TenantIsolationTest extends GatewayTest {

  private static final String APP_ID_HEADER = "X-Wechat-App-Id";
  private static final MediaStore STORE = new FileSystemMediaStore(GatewayTestEnvironment.MEDIA_ROOT);

  private NewApp appA;
  private NewApp appB;
  private String tokenA;
  private String tokenB;

  /** What one call adds to A's credential to pass for B. */
  record Forgery(String name, MultiValueMap<String, String> query, HttpHeaders headers) {}

  @BeforeEach
  void twoApps() {
    appA = newApp();
    appB = newApp();
    tokenA = accessTokenFor(appA);
    tokenB = accessTokenFor(appB);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.wechatapi.gateway.PublicEndpoints#forwarded")
  void aCallWithAppAsCredentialReachesTheServiceAsAppAWhateverElseItClaims(Endpoint endpoint) throws Exception {
    for (Forgery forgery : forgeries()) {
      endpoint.service().enqueue(json(endpoint.status(), endpoint.successAnswer()));

      PublicEndpoints.call(client, endpoint, forgery.query(), forgery.headers())
          .expectStatus().isEqualTo(endpoint.status());

      RecordedRequest forwarded = endpoint.service().takeRequest(5, TimeUnit.SECONDS);
      assertThat(forwarded).as(forgery.name()).isNotNull();
      assertThat(forwarded.getMethod()).as(forgery.name()).isEqualTo(endpoint.method().name());
      assertThat(forwarded.getUrl().encodedPath()).as(forgery.name()).isEqualTo(endpoint.path());
      assertThat(forwarded.getHeaders().values(APP_ID_HEADER)).as(forgery.name()).containsExactly(appA.appId());
      if (endpoint.body() != PublicEndpoints.Body.NONE) {
        assertThat(forwarded.getBody().utf8()).as(forgery.name()).contains(PublicEndpoints.PUID);
      }
      assertThat(endpoint.otherService().takeRequest(1, TimeUnit.MILLISECONDS)).as(forgery.name()).isNull();
    }
  }

  @Test
  void appAsTokenCannotReadAppBsMediaWhateverElseTheCallClaims() {
    byte[] picture = "B's picture".getBytes(StandardCharsets.UTF_8);
    StoredMedia mediaOfB = STORE.put(appB.appId(), new ByteArrayInputStream(picture), "image/png", "b.png");
    StoredMedia mediaOfA = STORE.put(appA.appId(), new ByteArrayInputStream(picture), "image/png", "a.png");
    String notFound = "{\"errmsg\":\"媒体文件不存在!\",\"code\":\"media_not_found\"}";

    for (Forgery forgery : forgeries()) {
      if (forgery.query().containsKey("app")) {
        // app= makes the call a signed link, which this one is not.
        get("/media/" + mediaOfB.mediaId(), forgery)
            .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("invalid_link");
      } else {
        get("/media/" + mediaOfB.mediaId(), forgery)
            .expectStatus().isNotFound().expectBody().json(notFound, true);
      }
    }
    // B's signed link bound to another of B's files, or re-addressed to A, opens nothing.
    String linkOfB = new MediaLinks(List.of(MEDIA_LINK_SECRET))
        .sign(appB.appId(), mediaOfA.mediaId(), Instant.now().plusSeconds(60));
    client.get().uri("/media/" + mediaOfB.mediaId() + "?app=" + appB.appId() + "&" + linkOfB + "&access_token="
            + tokenA).exchange()
        .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("invalid_link");
    String linkForB = new MediaLinks(List.of(MEDIA_LINK_SECRET))
        .sign(appB.appId(), mediaOfB.mediaId(), Instant.now().plusSeconds(60));
    client.get().uri("/media/" + mediaOfB.mediaId() + "?app=" + appA.appId() + "&" + linkForB + "&access_token="
            + tokenA).exchange()
        .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("invalid_link");
    // The same call for A's own file succeeds: the 404s above are about the owner, not a broken setup.
    client.get().uri("/media/{id}?access_token={token}", mediaOfA.mediaId(), tokenA).exchange()
        .expectStatus().isOk().expectBody(byte[].class).isEqualTo(picture);
  }

  @Test
  void appAsTokenCannotOpenAppBsQrCodeNorCanBsLinkBeReusedForAnotherUuid() {
    String uuidOfA = PublicEndpoints.uuid("IsoA");
    String uuidOfB = PublicEndpoints.uuid("IsoB");
    login(tokenA, uuidOfA);
    URI linkOfB = URI.create(login(tokenB, uuidOfB));
    String unknown = "{\"errmsg\":\"未找到对应uuid的匹配对象!\",\"code\":\"unknown_uuid\"}";

    for (Forgery forgery : forgeries()) {
      get("/qrcode/" + uuidOfB, forgery)
          .expectStatus().isNotFound().expectBody().json(unknown, true);
    }
    // B's link signs B's uuid only.
    client.get().uri("/qrcode/" + uuidOfA + "?" + linkOfB.getRawQuery()).exchange()
        .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("invalid_link");
    client.get().uri("/qrcode/{uuid}?access_token={token}", uuidOfA, tokenA).exchange()
        .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG);
  }

  /** A's credential, by token and by signature, with each way a client could claim to be B. */
  private List<Forgery> forgeries() {
    String b = appB.appId();
    return List.of(
        forgery("token in the query, forged " + APP_ID_HEADER,
            query("access_token", tokenA), headers(APP_ID_HEADER, b, APP_ID_HEADER.toLowerCase(), b)),
        forgery("token in the query, app_id and appid of B",
            query("access_token", tokenA, "app_id", b, "appid", b), new HttpHeaders()),
        forgery("bearer token, then B's bearer token",
            new LinkedMultiValueMap<>(), headers(HttpHeaders.AUTHORIZATION, "Bearer " + tokenA,
                HttpHeaders.AUTHORIZATION, "Bearer " + tokenB)),
        forgery("token in the query, B's bearer token", query("access_token", tokenA),
            headers(HttpHeaders.AUTHORIZATION, "Bearer " + tokenB, APP_ID_HEADER, b)),
        forgery("bearer token, B's valid signature headers", query("app_id", b),
            withSignatureHeaders(appB, headers(HttpHeaders.AUTHORIZATION, "Bearer " + tokenA, APP_ID_HEADER, b))),
        forgery("signature in the query, appid of B and forged " + APP_ID_HEADER,
            withSignatureQuery(appA, query("appid", b)), headers(APP_ID_HEADER, b, APP_ID_HEADER, b)),
        forgery("signature headers, app_id of B in the query (no timestamp)",
            query("app_id", b, "app", b), withSignatureHeaders(appA, headers(APP_ID_HEADER, b))));
  }

  private WebTestClient.ResponseSpec get(String path, Forgery forgery) {
    return client.get().uri(builder -> builder.path(path).queryParams(forgery.query()).build())
        .headers(headers -> headers.addAll(forgery.headers()))
        .exchange();
  }

  /** Starts a QR login for the token's app; answers the signed link of its QR code. */
  private String login(String token, String uuid) {
    SESSION_SERVICE.enqueue(json(200, PublicEndpoints.loginAnswer(uuid)));
    Map<String, Object> login = client.get().uri("/login?access_token={token}", token).exchange()
        .expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult().getResponseBody();
    return (String) login.get("qrcode");
  }

  private static Forgery forgery(String name, MultiValueMap<String, String> query, HttpHeaders headers) {
    return new Forgery(name, query, headers);
  }

  private static MultiValueMap<String, String> query(String... namesAndValues) {
    MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      query.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return query;
  }

  private static HttpHeaders headers(String... namesAndValues) {
    HttpHeaders headers = new HttpHeaders();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  private static MultiValueMap<String, String> withSignatureQuery(NewApp app, MultiValueMap<String, String> query) {
    Map<String, String> signature = signature(app);
    query.add("app_id", app.appId());
    signature.forEach(query::add);
    return query;
  }

  private static HttpHeaders withSignatureHeaders(NewApp app, HttpHeaders headers) {
    Map<String, String> signature = signature(app);
    headers.add("X-App-Id", app.appId());
    headers.add("X-Timestamp", signature.get("timestamp"));
    headers.add("X-Nonce", signature.get("nonce"));
    headers.add("X-Signature", signature.get("signature"));
    return headers;
  }

  /** A fresh timestamp, nonce and signature of the app. */
  private static Map<String, String> signature(NewApp app) {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    String nonce = UUID.randomUUID().toString();
    Map<String, String> signature = new LinkedHashMap<>();
    signature.put("timestamp", timestamp);
    signature.put("nonce", nonce);
    signature.put("signature", SignatureAuthenticationTest.sign(app.token(), timestamp, nonce));
    return signature;
  }
}
