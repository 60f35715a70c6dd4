package org.bmsworkbench.ui.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.bmsworkbench.mqtt.MqttService;
import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

/** Tools &gt; MQTT: the settings dialog, then the publisher restarts with what was entered. */
public class MqttSettingsHandler {

    @CanExecute
    public boolean canExecute(@Optional MqttService mqtt) {
        return mqtt != null;
    }

    @Execute
    public void execute(MqttService mqtt, @Translation Messages messages, Shell shell) {
        MqttDialog dialog = new MqttDialog(shell, messages, mqtt.config(), hostName());
        if (dialog.open() != Window.OK || dialog.config() == null) {
            return;
        }
        try {
            mqtt.apply(dialog.config());
        } catch (IOException | IllegalArgumentException e) {
            ILog.of(MqttSettingsHandler.class).error("cannot apply the MQTT settings", e);
            MessageDialog.openError(shell, messages.dialog_title, Messages.format(messages.dialog_saveFailed,
                    e.getMessage()));
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "host";
        }
    }
}
