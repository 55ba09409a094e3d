package dev.quorum.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quorum.api.QuorumApi;
import dev.quorum.core.TestPlugins;

/** Real plugin zips, good and broken, loaded together by PF4J through the host. */
class PluginHostTest {

    @TempDir
    Path dir;

    @Test
    void healthyPluginsStartAndBrokenOnesFailWithAReasonWhileTheRestKeepRunning() throws Exception {
        Path plugins = TestPlugins.install(dir.resolve("plugins"), "technical", "risk-basic", "failing-start",
                "bundled-api", "future-api", "faulty-strategy");
        try (PluginHost host = PluginHost.start(plugins)) {
            Map<String, PluginStatus> byId = host.statuses().stream()
                    .collect(Collectors.toMap(PluginStatus::id, Function.identity()));

            PluginStatus technical = byId.get("technical");
            assertEquals(PluginHealth.STARTED, technical.health());
            assertEquals(List.of("report:technical-day", "strategy:bollinger", "strategy:ema-crossover", "strategy:macd-cross", "strategy:rsi-reversion"),
                    technical.extensions().stream().sorted().toList());
            assertEquals(PluginHealth.STARTED, byId.get("risk-basic").health());

            PluginStatus failing = byId.get("fixture-failing-start");
            assertEquals(PluginHealth.FAILED, failing.health());
            assertTrue(failing.message().contains("deliberate failure in start()"), failing.message());

            PluginStatus bundled = byId.get("fixture-bundled-api");
            assertEquals(PluginHealth.FAILED, bundled.health());
            assertTrue(bundled.message().contains("bundles a copy of a host library"), bundled.message());
            assertTrue(bundled.message().contains("quorum-api"), bundled.message());

            PluginStatus future = byId.get("fixture-future-api");
            assertEquals(PluginHealth.FAILED, future.health());
            assertTrue(future.message().contains("'fixture-future-api'"), future.message());
            assertTrue(future.message().contains(">=99.0.0"), future.message());
            assertTrue(future.message().contains("provides quorum-api " + QuorumApi.version()), future.message());

            List<String> strategyIds = host.strategies().stream().map(r -> r.info().id()).sorted().toList();
            assertEquals(List.of("bollinger", "ema-crossover", "fixture-always-long", "fixture-null-signal", "fixture-throws",
                    "fixture-wrong-side-stop", "macd-cross", "rsi-reversion"), strategyIds);
            assertEquals(List.of("fixed-fraction", "max-open-positions"),
                    host.riskModules().stream().map(r -> r.info().id()).sorted().toList());
        }
    }

    @Test
    void pluginsSeeTheApiButNotTheHostsInternals() throws Exception {
        Path plugins = TestPlugins.install(dir.resolve("plugins"), "technical");
        try (PluginHost host = PluginHost.start(plugins)) {
            ClassLoader pluginLoader = host.strategies().get(0).extension().getClass().getClassLoader();
            assertEquals(dev.quorum.api.Bar.class, pluginLoader.loadClass("dev.quorum.api.Bar"), "the host's own API class");
            ClassNotFoundException e = org.junit.jupiter.api.Assertions.assertThrows(ClassNotFoundException.class,
                    () -> pluginLoader.loadClass("dev.quorum.core.portfolio.Portfolio"));
            assertTrue(e.getMessage().contains("plugins cannot use the host's internals"), e.getMessage());
        }
    }

    @Test
    void anErrorCountedAgainstAPluginDegradesIt() throws Exception {
        Path plugins = TestPlugins.install(dir.resolve("plugins"), "technical");
        try (PluginHost host = PluginHost.start(plugins)) {
            host.record("technical", "bot 'x' on BTC-USD", "IllegalStateException: boom");
            PluginStatus s = host.statuses().get(0);
            assertEquals(PluginHealth.DEGRADED, s.health());
            assertEquals(1, s.errors());
            assertTrue(s.message().contains("boom"), s.message());
        }
    }

    @Test
    void disableIsPersistedAcrossRestartsAndEnableUndoesIt() throws Exception {
        Path plugins = TestPlugins.install(dir.resolve("plugins"), "technical", "risk-basic");
        try (PluginHost host = PluginHost.start(plugins)) {
            host.disable("risk-basic");
        }
        try (PluginHost host = PluginHost.start(plugins)) {
            PluginStatus risk = host.statuses().stream().filter(s -> s.id().equals("risk-basic")).findFirst().orElseThrow();
            assertEquals(PluginHealth.DISABLED, risk.health());
            assertTrue(host.riskModules().isEmpty());
            host.enable("risk-basic");
        }
        try (PluginHost host = PluginHost.start(plugins)) {
            assertEquals(2, host.riskModules().size());
        }
    }

    @Test
    void uninstallRemovesTheArchiveAndItsExpandedDirectory() throws Exception {
        Path plugins = TestPlugins.install(dir.resolve("plugins"), "technical", "risk-basic");
        try (PluginHost host = PluginHost.start(plugins)) {
            host.uninstall("risk-basic");
        }
        try (PluginHost host = PluginHost.start(plugins)) {
            assertEquals(List.of("technical"), host.statuses().stream().map(PluginStatus::id).toList());
        }
        assertTrue(java.nio.file.Files.notExists(plugins.resolve("risk-basic.zip")));
        assertTrue(java.nio.file.Files.notExists(plugins.resolve("risk-basic")));
    }
}
