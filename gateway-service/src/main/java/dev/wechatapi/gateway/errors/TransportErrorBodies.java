package dev.wechatapi.gateway.errors;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.Map;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives the contract's JSON body to the errors that never reach {@link GatewayErrorHandler}: Netty rejects an
 * over-long request line (414) or header block (431) or a malformed request (400), and WebFlux answers a URI it
 * cannot parse (a bad percent-escape, a raw '|') with a bare 400. Only those responses combine a 4xx status with
 * no body and no content type: what the gateway or a service renders always has a content type. Chunked ones are
 * left alone, as they answer a HEAD and must stay without a body.
 */
@Component
class TransportErrorBodies implements NettyServerCustomizer {

  private static final String HANDLER_NAME = "wechat.transportErrorBodies";

  private final Map<Integer, byte[]> bodies;

  TransportErrorBodies(JsonMapper json) {
    this.bodies = Map.of(
        400, json.writeValueAsBytes(new ApiError("请求无效。", "bad_request")),
        413, json.writeValueAsBytes(new ApiError("请求体过大。", "payload_too_large")),
        414, json.writeValueAsBytes(new ApiError("请求的URL过长。", "uri_too_long")),
        431, json.writeValueAsBytes(new ApiError("请求头过大。", "headers_too_large")));
  }

  @Override
  public HttpServer apply(HttpServer server) {
    Rewriter rewriter = new Rewriter(bodies);
    return server.doOnChannelInit((observer, channel, remoteAddress) -> {
      ChannelPipeline pipeline = channel.pipeline();
      if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(HANDLER_NAME) == null) {
        pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, rewriter);
      }
    });
  }

  @ChannelHandler.Sharable
  private static final class Rewriter extends ChannelOutboundHandlerAdapter {

    private final Map<Integer, byte[]> bodies;

    Rewriter(Map<Integer, byte[]> bodies) {
      this.bodies = bodies;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
      if (message instanceof FullHttpResponse response
          && response.content().readableBytes() == 0
          && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)
          && !response.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)
          && bodies.containsKey(response.status().code())) {
        byte[] body = bodies.get(response.status().code());
        FullHttpResponse withBody = response.replace(Unpooled.wrappedBuffer(body));
        response.release();
        withBody.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, "application/json;charset=UTF-8")
            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        ctx.write(withBody, promise);
        return;
      }
      ctx.write(message, promise);
    }
  }
}
