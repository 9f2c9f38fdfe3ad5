package dev.wechatapi.archive.webhooks;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The resolver of the webhook HTTP client: every address the client connects to passes the {@link AddressGuard}
 * here, right before the connection, so a name that resolved to a public address when the URL was set cannot lead
 * to a private one later (DNS rebinding). Literal IP addresses come through too: they count as unresolved here.
 * Names are looked up with the JDK resolver (hosts file, system DNS) on a virtual thread, never on the event loop.
 * Of several addresses only the allowed ones are tried; when none is allowed the connection fails with the reason.
 */
final class GuardedAddressResolver extends AbstractAddressResolver<InetSocketAddress> {

    private final AddressGuard guard;

    private GuardedAddressResolver(EventExecutor executor, AddressGuard guard) {
        super(executor, InetSocketAddress.class);
        this.guard = guard;
    }

    /** The group the HTTP client takes, one resolver per event loop. */
    static AddressResolverGroup<InetSocketAddress> group(AddressGuard guard) {
        return new AddressResolverGroup<>() {
            @Override
            protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
                return new GuardedAddressResolver(executor, guard);
            }
        };
    }

    @Override
    protected boolean doIsResolved(InetSocketAddress address) {
        return false;
    }

    @Override
    protected void doResolve(InetSocketAddress address, Promise<InetSocketAddress> promise) {
        resolve(address, addresses -> promise.trySuccess(addresses.getFirst()), promise::tryFailure);
    }

    @Override
    protected void doResolveAll(InetSocketAddress address, Promise<List<InetSocketAddress>> promise) {
        resolve(address, promise::trySuccess, promise::tryFailure);
    }

    private void resolve(InetSocketAddress address, Consumer<List<InetSocketAddress>> success,
            Consumer<Throwable> failure) {
        if (!address.isUnresolved()) {
            complete(address.getPort(), new InetAddress[] {address.getAddress()}, success, failure);
            return;
        }
        Thread.ofVirtual().name("webhook-dns").start(() -> {
            try {
                complete(address.getPort(), InetAddress.getAllByName(address.getHostString()), success, failure);
            } catch (Exception e) {
                failure.accept(e);
            }
        });
    }

    private void complete(int port, InetAddress[] candidates, Consumer<List<InetSocketAddress>> success,
            Consumer<Throwable> failure) {
        List<InetSocketAddress> allowed = new ArrayList<>();
        String refusal = null;
        for (InetAddress candidate : candidates) {
            String reason = guard.refusal(candidate);
            if (reason == null) {
                allowed.add(new InetSocketAddress(candidate, port));
            } else if (refusal == null) {
                refusal = reason;
            }
        }
        if (allowed.isEmpty()) {
            failure.accept(new RefusedAddressException("address refused: " + refusal));
        } else {
            success.accept(allowed);
        }
    }
}
