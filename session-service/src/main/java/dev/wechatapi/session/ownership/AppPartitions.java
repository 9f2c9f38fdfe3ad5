package dev.wechatapi.session.ownership;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition an app's records go to on the topics of this service, computed as Kafka's default partitioner
 * does for a string key, so the owner of an app's command partition is also the reader of its saved session.
 */
public record AppPartitions(int count) {

    public AppPartitions {
        if (count < 1) {
            throw new IllegalArgumentException("a topic has at least one partition, not " + count);
        }
    }

    public int of(String appId) {
        return Utils.toPositive(Utils.murmur2(appId.getBytes(StandardCharsets.UTF_8))) % count;
    }
}
