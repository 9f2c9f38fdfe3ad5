package dev.wechatapi.simulator.internal.accounts;

import dev.wechatapi.simulator.internal.http.ControlFailure;
import dev.wechatapi.simulator.internal.http.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** Every account created through the control API, by id and by uin. */
public final class Accounts {

    private final Map<String, Account> byId = new ConcurrentHashMap<>();
    private final Map<Long, Account> byUin = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();

    public Account create(JsonNode spec) {
        String requested = Json.text(spec, "accountId");
        String id = requested != null ? requested : "acc-" + created.incrementAndGet();
        if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw ControlFailure.badRequest("accountId may use letters, digits, '.', '_' and '-' only");
        }
        Account account = AccountFactory.create(id, spec);
        if (byId.putIfAbsent(id, account) != null) {
            throw ControlFailure.conflict("account " + id + " already exists");
        }
        if (byUin.putIfAbsent(account.uin(), account) != null) {
            byId.remove(id);
            throw ControlFailure.conflict("uin " + account.uin() + " is taken by another account");
        }
        return account;
    }

    public Optional<Account> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Account get(String id) {
        return find(id).orElseThrow(() -> ControlFailure.notFound("no account " + id));
    }

    public Optional<Account> byUin(long uin) {
        return Optional.ofNullable(byUin.get(uin));
    }

    public List<Account> all() {
        return byId.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }
}
