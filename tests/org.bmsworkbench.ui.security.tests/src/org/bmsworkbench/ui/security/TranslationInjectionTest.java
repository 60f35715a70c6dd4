package org.bmsworkbench.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Locale;

import org.bmsworkbench.core.security.AccessGate;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The prompt as other views get it, {@code @Inject AccessPrompt}: e4 creates it, injects the gate and the bundle's
 * strings, and re-injects them on a language switch. Needs the OSGi test runtime (e4's translation supplier is a
 * service).
 */
class TranslationInjectionTest {

    @TempDir
    Path dir;

    @Test
    void e4MakesThePromptWithTheGateAndTheCurrentLanguage() {
        Bundle bundle = FrameworkUtil.getBundle(TranslationInjectionTest.class);
        assumeTrue(bundle != null, "runs in the OSGi test runtime only");
        try (DialogHarness harness = new DialogHarness(dir)) {
            IEclipseContext root = EclipseContextFactory.getServiceContext(bundle.getBundleContext())
                    .createChild("security-test-application");
            root.set(TranslationService.LOCALE, Locale.ENGLISH);
            ContextInjectionFactory.setDefault(root);
            IEclipseContext context = root.createChild("security-test-part");
            context.set(AccessGate.class, harness.gate);
            try {
                AccessPrompt prompt = ContextInjectionFactory.make(AccessPrompt.class, context);
                assertSame(harness.gate, prompt.gate());
                assertEquals("Unlock", prompt.messages().unlock_title);
                root.set(TranslationService.LOCALE, Locale.SIMPLIFIED_CHINESE);
                assertTrue(harness.spinUntil(() -> "\u89e3\u9501".equals(prompt.messages().unlock_title),
                        DialogHarness.WAIT), prompt.messages().unlock_title);
            } finally {
                root.set(TranslationService.LOCALE, Locale.ENGLISH);
                // The root stays: it is e4's default context for the rest of this test run, as in PartHarness.
                context.dispose();
            }
        }
    }
}
