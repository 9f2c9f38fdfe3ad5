/**
 * Which replica of the session service owns which app's WeChat session, and how a request reaches it.
 *
 * <p>The replicas form one Kafka consumer group on the command topic {@value
 * dev.wechatapi.session.ownership.OwnershipTopics#COMMANDS}, which is keyed by app id like every other topic of
 * this service. Kafka's group coordinator assigns each partition to exactly one live member; the member assigned a
 * partition owns the sessions of every app whose id hashes to it. When a partition arrives, its owner resumes the
 * apps saved on the same partition of the credentials topic (same key, same partition count); when it leaves
 * (a rebalance, a clean stop), the owner stops those sessions without logging them out and flushes what it saved.
 * A replica that dies is dropped from the group after the session timeout and its partitions, with their saved
 * sessions, go to the others. The cooperative-sticky assignor moves only the partitions that must move, and revokes
 * a partition before it is assigned elsewhere, so a session never runs on two replicas at once.
 *
 * <p>A request for an app this replica does not own travels over the command topic: {@link CommandForwarder}
 * publishes it (method, path, headers, body) keyed by app, the owner's {@link OwnedPartitions} consumer receives it
 * and {@link CommandExecutor} replays it against the owner's own HTTP port, and the answer comes back on the reply
 * topic {@value dev.wechatapi.session.ownership.OwnershipTopics#REPLIES} to the replica that asked
 * ({@link CommandReplies}). A command that waits longer than its deadline (the owner died and its partitions are
 * being reassigned) is dropped by the owner and answered 503 with Retry-After by the replica that asked.
 */
package dev.wechatapi.session.ownership;
