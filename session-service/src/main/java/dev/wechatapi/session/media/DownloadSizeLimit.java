package dev.wechatapi.session.media;

import java.io.IOException;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Stops a media download from WeChat as soon as it passes {@code wechat.session.media.max-size}: the driver reads a
 * download into memory whole, so the limit has to act on the wire, before a lying or huge answer fills the heap. A
 * declared {@code Content-Length} over the limit fails at once; an undeclared one fails when the bytes pass it. The
 * failure is an {@link IOException}, which the driver reports as {@code Unreachable}. Other calls pass untouched.
 *
 * <p>Usage: {@code new OkHttpClient.Builder().addInterceptor(new DownloadSizeLimit(50 * 1024 * 1024))}.
 */
public final class DownloadSizeLimit implements Interceptor {

    private static final Set<String> DOWNLOADS = Set.of("webwxgetmsgimg", "webwxgetvoice", "webwxgetvideo",
            "webwxgetmedia", "webwxgeticon", "webwxgetheadimg", "webwxgetpubliclinkimg");

    private final long maxBytes;

    public DownloadSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        var segments = chain.request().url().pathSegments();
        if (!DOWNLOADS.contains(segments.getLast())) {
            return response;
        }
        ResponseBody body = response.body();
        if (body.contentLength() > maxBytes) {
            response.close();
            throw tooLarge(chain, body.contentLength() + " bytes");
        }
        var limited = new ForwardingSource(body.source()) {
            private long read;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                read += Math.max(0, n);
                if (read > maxBytes) {
                    throw tooLarge(chain, "more than that");
                }
                return n;
            }
        };
        return response.newBuilder()
                .body(ResponseBody.create(Okio.buffer(limited), body.contentType(), body.contentLength()))
                .build();
    }

    private IOException tooLarge(Chain chain, String size) {
        return new IOException(chain.request().url().pathSegments().getLast() + " answered " + size
                + ", over the " + maxBytes + " bytes of wechat.session.media.max-size");
    }
}
