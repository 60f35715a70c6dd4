package org.bmsworkbench.ui.common;

/** Strings of {@link CountingPart} ({@code OSGI-INF/l10n/bundle*.properties} of this test fragment). */
public class TestMessages {

    public String greeting;
}
