package dev.wechatapi.gateway.routing;

import dev.wechatapi.gateway.WechatGatewayProperties;
import dev.wechatapi.gateway.errors.ApiException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Route filter {@code UploadLimit}: bodies over {@code wechat.gateway.max-upload-size} get 413 {@code
 * payload_too_large}. A declared {@code Content-Length} over the limit is refused before the service is called; a
 * chunked body is counted as it streams and the forwarded call is aborted once it passes the limit, so the service
 * never receives a complete oversized request.
 */
@Component
class UploadLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  private final long limit;

  UploadLimitGatewayFilterFactory(WechatGatewayProperties properties) {
    super(Object.class);
    this.limit = properties.maxUploadSize().toBytes();
  }

  @Override
  public GatewayFilter apply(Object config) {
    return (exchange, chain) -> {
      ServerHttpRequest request = exchange.getRequest();
      long declared = request.getHeaders().getContentLength();
      if (declared > limit) {
        return Mono.error(this::tooLarge);
      }
      return chain.filter(exchange.mutate().request(counted(request)).build());
    };
  }

  private ServerHttpRequest counted(ServerHttpRequest request) {
    return new ServerHttpRequestDecorator(request) {
      @Override
      public Flux<DataBuffer> getBody() {
        AtomicLong received = new AtomicLong();
        return super.getBody().handle((buffer, sink) -> {
          if (received.addAndGet(buffer.readableByteCount()) > limit) {
            DataBufferUtils.release(buffer);
            sink.error(tooLarge());
          } else {
            sink.next(buffer);
          }
        });
      }
    };
  }

  private ApiException tooLarge() {
    return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
        "请求体过大，上限为 " + limit + " 字节。");
  }
}
