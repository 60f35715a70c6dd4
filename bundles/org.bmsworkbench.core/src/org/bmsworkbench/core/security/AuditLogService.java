package org.bmsworkbench.core.security;

import org.bmsworkbench.core.Workspace;
import java.io.IOException;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** The workbench's {@link AuditLog}: {@code <workspace>/.metadata/}{@value #FILE_NAME}. */
@Component(service = AuditLog.class)
public final class AuditLogService implements AuditLog {

    /** Name of the audit log in the workspace's {@code .metadata} folder. */
    public static final String FILE_NAME = "audit.log";

    private final AuditLogFile file;

    @Activate
    public AuditLogService(BundleContext context) {
        this(Workspace.metadata(context.getProperty("osgi.instance.area")).resolve(FILE_NAME));
    }

    /** For tests: a given file. */
    public AuditLogService(Path file) {
        this.file = new AuditLogFile(file);
    }

    @Override
    public void record(AuditEntry entry) throws IOException {
        file.record(entry);
    }

    @Override
    public Path file() {
        return file.file();
    }
}
