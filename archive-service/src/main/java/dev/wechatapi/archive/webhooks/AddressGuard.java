package dev.wechatapi.archive.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks off the networks behind the service: an app must not make the archive call its loopback, private
 * networks, cloud metadata (link-local) and the like. Checked when a URL is set and again for every connection
 * (see {@link GuardedAddressResolver}), since a name can resolve elsewhere later (DNS rebinding). IPv4 addresses
 * embedded in IPv6 ones (mapped, compatible, NAT64, 6to4) are judged as the IPv4 address they reach.
 * {@code wechat.archive.webhooks.allow-private-addresses=true} lets every address through.
 */
@Component
final class AddressGuard {

    private static final List<Block> IPV4 = List.of(
            Block.of("0.0.0.0", 8, "unspecified"),
            Block.of("127.0.0.0", 8, "loopback"),
            Block.of("10.0.0.0", 8, "private"),
            Block.of("172.16.0.0", 12, "private"),
            Block.of("192.168.0.0", 16, "private"),
            Block.of("100.64.0.0", 10, "private (shared address space)"),
            Block.of("169.254.0.0", 16, "link-local"),
            Block.of("192.0.0.0", 24, "reserved"),
            Block.of("192.0.2.0", 24, "reserved"),
            Block.of("198.18.0.0", 15, "reserved"),
            Block.of("198.51.100.0", 24, "reserved"),
            Block.of("203.0.113.0", 24, "reserved"),
            Block.of("224.0.0.0", 4, "multicast"),
            Block.of("240.0.0.0", 4, "reserved"));

    private static final List<Block> IPV6 = List.of(
            Block.of("::", 128, "unspecified"),
            Block.of("::1", 128, "loopback"),
            Block.of("fe80::", 10, "link-local"),
            Block.of("fec0::", 10, "private"),
            Block.of("fc00::", 7, "private"),
            Block.of("ff00::", 8, "multicast"),
            Block.of("100::", 64, "reserved"),
            Block.of("2001::", 32, "reserved"),
            Block.of("2001:db8::", 32, "reserved"));

    private final boolean allowPrivate;

    AddressGuard(WebhookProperties properties) {
        this.allowPrivate = properties.allowPrivateAddresses();
    }

    /** Why a webhook may not connect to this address, e.g. "127.0.0.1 is a loopback address"; null if it may. */
    @Nullable String refusal(InetAddress address) {
        if (allowPrivate) {
            return null;
        }
        String kind = kindOf(address.getAddress());
        return kind == null ? null : address.getHostAddress() + " is " + article(kind) + " " + kind + " address";
    }

    /**
     * Resolves a host name (blocking: call it off the event loop) and refuses it if any of its addresses is
     * refused, so that a name cannot pass the check with one address and be called on another.
     */
    void check(String host) throws RefusedAddressException, UnknownHostException {
        if (allowPrivate) {
            return;
        }
        for (InetAddress address : InetAddress.getAllByName(host)) {
            String refusal = refusal(address);
            if (refusal != null) {
                throw new RefusedAddressException(refusal);
            }
        }
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    /** The non-public kind of an address (4 or 16 bytes), null for a public one. */
    static @Nullable String kindOf(byte[] address) {
        if (address.length == 4) {
            return kindIn(IPV4, address);
        }
        byte[] ipv4 = embeddedIpv4(address);
        return ipv4 != null ? kindIn(IPV4, ipv4) : kindIn(IPV6, address);
    }

    // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, not :: or ::1), 64:ff9b::a.b.c.d (NAT64),
    // 2002:aabb:ccdd:: (6to4).
    private static byte @Nullable [] embeddedIpv4(byte[] address) {
        boolean firstTenZero = Arrays.equals(address, 0, 10, new byte[10], 0, 10);
        boolean mapped = firstTenZero && address[10] == (byte) 0xff && address[11] == (byte) 0xff;
        boolean compatible = firstTenZero && address[10] == 0 && address[11] == 0
                && (address[12] | address[13] | address[14]) != 0;
        boolean nat64 = address[0] == 0 && address[1] == 0x64 && address[2] == (byte) 0xff && address[3] == (byte) 0x9b
                && Arrays.equals(address, 4, 12, new byte[8], 0, 8);
        if (mapped || compatible || nat64) {
            return Arrays.copyOfRange(address, 12, 16);
        }
        if (address[0] == 0x20 && address[1] == 0x02) {
            return Arrays.copyOfRange(address, 2, 6);
        }
        return null;
    }

    private static @Nullable String kindIn(List<Block> blocks, byte[] address) {
        return blocks.stream().filter(block -> block.contains(address)).map(Block::kind).findFirst().orElse(null);
    }

    /** An address block in CIDR notation and what kind of addresses it holds. */
    private record Block(byte[] prefix, int bits, String kind) {

        static Block of(String literal, int bits, String kind) {
            try {
                // A literal address: parsed, never looked up.
                return new Block(InetAddress.getByName(literal).getAddress(), bits, kind);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(literal, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
