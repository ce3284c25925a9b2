package io.flowbill.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code api_key} table: keys by id, with the hash of their secret, never the secret. */
@Repository
class ApiKeyStore {

    private static final String COLUMNS = "key_id, tenant_id, role, name, created_at, last_used_at, revoked_at";

    /** A key's row with the hash it is checked against. */
    record Stored(ApiKey key, String secretHash) {
    }

    private final JdbcTemplate jdbc;

    ApiKeyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiKey key, String secretHash) {
        jdbc.update("insert into api_key (key_id, tenant_id, role, name, secret_sha256, created_at) values (?, ?, ?, ?, ?, ?)",
                key.id(), key.tenant(), key.role().word(), key.name(), secretHash, Timestamp.from(key.created()));
    }

    Optional<Stored> find(String id) {
        return jdbc.query("select " + COLUMNS + ", secret_sha256 from api_key where key_id = ?",
                (rs, row) -> new Stored(key(rs), rs.getString("secret_sha256")), id).stream().findFirst();
    }

    List<ApiKey> all() {
        return jdbc.query("select " + COLUMNS + " from api_key order by tenant_id, created_at, key_id", (rs, row) -> key(rs));
    }

    /** Revokes the key; false when there is no such key or it was revoked before. */
    boolean revoke(String id, Instant at) {
        return jdbc.update("update api_key set revoked_at = ? where key_id = ? and revoked_at is null",
                Timestamp.from(at), id) == 1;
    }

    /** Records a use, at most one write per key and {@code every}: a busy key does not write on each request. */
    void used(String id, Instant at, Duration every) {
        jdbc.update("update api_key set last_used_at = ? where key_id = ? and (last_used_at is null or last_used_at < ?)",
                Timestamp.from(at), id, Timestamp.from(at.minus(every)));
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getString("key_id"), rs.getString("tenant_id"), ApiRole.of(rs.getString("role")),
                rs.getString("name"), instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
