package io.flowbill.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names, descriptions, ssh keys and environments of generated containers, derived from (seed, id) instead of
 * stored. Every name contains its id as a run of digits, which makes names unique and lets a duplicate check find the
 * one generated container a name could clash with. About one name in seven has characters that matter for CSV.
 */
final class GeneratedNames {

    private static final String[] PLAIN = {"web", "api", "worker", "db", "cache", "nginx", "redis", "mysql", "job",
        "cron", "gateway", "blog", "shop", "search", "auth", "mq"};
    private static final String[] ENVS = {"prod", "test", "dev", "staging"};
    private static final String[] SPECIAL = {"web,api-%d", "say \"hello\"-%d", "=SUM(1+1)-%d", "+cmd-%d",
        "-dash-%d", "@admin-%d", "测试容器-%d", "订单服务,主库-%d", "it's \"quoted\", too-%d", "=HYPERLINK(\"x\")-%d"};
    private static final String[] DESCS = {"", "", "", "frontend", "backend, v2", "migrated from \"old\" cluster",
        "前端服务", "nightly jobs", "=cmd"};

    private GeneratedNames() {
    }

    static String name(long seed, long id) {
        long h = Mix.hash(seed, id, 0x4E414D45L);
        if (Mix.below(h, 100) < 14) {
            return String.format(SPECIAL[Mix.below(h >>> 8, SPECIAL.length)], id);
        }
        return PLAIN[Mix.below(h >>> 8, PLAIN.length)] + "-" + ENVS[Mix.below(h >>> 16, ENVS.length)] + "-" + id;
    }

    static String desc(long seed, long id) {
        return DESCS[Mix.below(Mix.hash(seed, id, 0xDE5CL), DESCS.length)];
    }

    static List<Long> sshKeyIds(long seed, long id) {
        long h = Mix.hash(seed, id, 0x55AL);
        int count = Mix.below(h, 10) < 3 ? 0 : Mix.below(h >>> 8, 10) < 8 ? 1 : 2;
        List<Long> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(2900L + 60 * i + Mix.below(h >>> (16 + 8 * i), 60));
        }
        return keys;
    }

    static Map<String, String> envVar(long seed, long id) {
        return switch (Mix.below(Mix.hash(seed, id, 0xE57L), 4)) {
            case 0 -> Map.of();
            case 1 -> Map.of("ENV", "prod");
            case 2 -> Map.of("JAVA_OPTS", "-Xmx512m", "TZ", "Asia/Shanghai");
            default -> Map.of("key", "value");
        };
    }

    /** The numbers in a name: the ids of generated containers whose name it could equal. */
    static List<Long> candidateIds(String name) {
        List<Long> ids = new ArrayList<>(2);
        int i = 0;
        while (i < name.length()) {
            if (name.charAt(i) >= '0' && name.charAt(i) <= '9') {
                int start = i;
                while (i < name.length() && name.charAt(i) >= '0' && name.charAt(i) <= '9') {
                    i++;
                }
                if (i - start <= 12) {
                    ids.add(Long.parseLong(name, start, i, 10));
                }
            } else {
                i++;
            }
        }
        return ids;
    }
}
