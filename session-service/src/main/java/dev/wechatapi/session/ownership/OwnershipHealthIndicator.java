package dev.wechatapi.session.ownership;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code ownership}: down until the owners' group has given this replica its
 * first assignment, so a load balancer sends it nothing before it knows which sessions are its own.
 */
@Component
class OwnershipHealthIndicator implements HealthIndicator {

    private final OwnedPartitions ownership;

    OwnershipHealthIndicator(OwnedPartitions ownership) {
        this.ownership = ownership;
    }

    @Override
    public Health health() {
        Health.Builder health = ownership.joined() ? Health.up() : Health.down().withDetail("reason", "joining");
        return health.withDetail("partitions", ownership.partitions()).build();
    }
}
