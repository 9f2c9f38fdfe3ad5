package dev.wechatapi.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a simulator before a test class and stops it after; test methods and constructors can take the
 * {@link WeChatSimulator} or its {@link SimulatorControl} as parameters.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final WeChatSimulatorExtension simulator = new WeChatSimulatorExtension(SimulatorConfig.forTests());
 *
 * @Test
 * void friendTextArrives(SimulatorControl control) { ... simulator.baseUrl() ... }
 * }</pre>
 *
 * Also usable as {@code @ExtendWith(WeChatSimulatorExtension.class)} with {@link SimulatorConfig#forTests()}.
 */
public final class WeChatSimulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final SimulatorConfig config;
    private WeChatSimulator simulator;

    public WeChatSimulatorExtension() {
        this(SimulatorConfig.forTests());
    }

    public WeChatSimulatorExtension(SimulatorConfig config) {
        this.config = config;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    /** The running simulator (started on first use). */
    public synchronized WeChatSimulator simulator() {
        if (simulator == null) {
            simulator = WeChatSimulator.start(config);
        }
        return simulator;
    }

    public String baseUrl() {
        return simulator().baseUrl();
    }

    public SimulatorControl control() {
        return simulator().control();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == WeChatSimulator.class || type == SimulatorControl.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WeChatSimulator.class ? simulator() : control();
    }
}
