package org.bmsworkbench.ui.app.handlers;

import org.bmsworkbench.core.BuildInfo;
import org.bmsworkbench.ui.app.Messages;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import jakarta.inject.Named;

/** Help &gt; About: product version, build id and the runtime it runs on. */
public class AboutHandler {

    @Execute
    public void execute(@Named("activeShell") Shell shell, @Translation Messages messages) {
        MessageDialog.openInformation(shell, messages.about_title, text(messages));
    }

    /** The dialog's text; separate so tests can check it without opening a modal dialog. */
    public static String text(Messages messages) {
        Bundle bundle = FrameworkUtil.getBundle(AboutHandler.class);
        BuildInfo build = BuildInfo.fromOsgiVersion(bundle.getVersion().toString());
        Location instance = Platform.getInstanceLocation();
        String data = instance == null || instance.getURL() == null ? "-" : instance.getURL().getPath();
        return Messages.format(messages.about_text, build.version(), build.buildId(),
                System.getProperty("java.version"), System.getProperty("java.vendor"),
                SWT.getPlatform() + " " + SWT.getVersion(),
                bundle.getBundleContext() == null ? "-"
                        : bundle.getBundleContext().getBundle(0).getVersion().toString(),
                data);
    }
}
