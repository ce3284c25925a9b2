package io.flowbill.export;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** Where a tenant's files for a month go: {@code <flowbill.export.dir>/<tenant>/<YYYY-MM>/}. */
final class ExportFolders {

    private static final Pattern SAFE_TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path root;

    ExportFolders(Path root) {
        this.root = root;
    }

    /** The export root, {@code flowbill.export.dir}. */
    Path root() {
        return root;
    }

    Path of(String tenant, YearMonth month) {
        if (!SAFE_TENANT.matcher(tenant).matches()) {
            throw new IllegalArgumentException("tenant '" + tenant + "' cannot name an export folder: use letters,"
                    + " digits, '.', '_' and '-'");
        }
        return root.resolve(tenant).resolve(month.toString());
    }
}
