package io.exflux.reactive.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Installs {@link NettyLeaks} when the JUnit launcher opens, before any test class loads Netty. */
public final class NettyLeakRecordingListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NettyLeaks.install();
    }
}
