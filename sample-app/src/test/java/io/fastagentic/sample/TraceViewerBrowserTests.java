package io.fastagentic.sample;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.openai.errors.InternalServerException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The trace viewer's page in a real browser: headless Chromium from the Debian
 * {@code chromium} and {@code chromium-driver} packages, driven by Selenium (never
 * Selenium Manager, which would download a browser).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.opentelemetry.tracing.export.schedule-delay=10ms",
				"fastagentic.viewer.jaeger-url=http://localhost:16686" })
@AutoConfigureTracing
class TraceViewerBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOT = Path.of("target", "viewer-screenshot.png");

	private static final Path ERROR_SCREENSHOT = Path.of("target", "viewer-error-screenshot.png");

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@LocalServerPort
	private int port;

	@TempDir
	private Path profile;

	private ViewerApi api;

	private WebDriver browser;

	@BeforeEach
	void startBrowser() {
		// Checked per test (not once per class) so that each test is reported as skipped.
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"The trace viewer's browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
						+ ": install the Debian packages chromium and chromium-driver (.ci/run does)");
		this.api = new ViewerApi(this.port);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + this.profile.toAbsolutePath(), "--window-size=1440,960");
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void quitBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void waterfallShowsTheRunAsASpanTreeAndASpansAttributesOnClick() throws Exception {
		ViewerApi.Chat chat = this.api.chat("What is OpenTelemetry?");
		assertThat(chat.status()).isEqualTo(200);
		JsonNode listed = this.api.awaitListed(chat.traceId(), "HTTP POST /chat");

		this.browser.get(this.api.uri("/actuator/traces/ui#" + chat.traceId()).toString());
		awaitTrace(chat.traceId());

		List<WebElement> rows = this.browser.findElements(By.cssSelector("#waterfall .span-row"));
		assertThat(rows).hasSize(listed.path("spanCount").asInt());
		List<String> names = rows.stream().map(TraceViewerBrowserTests::spanName).toList();
		List<Integer> depths = rows.stream().map((row) -> Integer.valueOf(row.getDomAttribute("data-depth"))).toList();
		assertThat(names.subList(0, 4)).containsExactly("HTTP POST /chat", "auth.validate", "policy.check",
				"agent.run /chat");
		assertThat(depths.subList(0, 4)).containsExactly(0, 1, 1, 1);
		// The rest of the tree is agent.run's: its children one level deeper, in start
		// order.
		assertThat(depths.subList(4, depths.size())).allSatisfy((depth) -> assertThat(depth).isGreaterThan(1));
		List<String> runChildren = IntStream.range(4, names.size())
			.filter((index) -> depths.get(index) == 2)
			.mapToObj(names::get)
			.toList();
		assertThat(runChildren).containsSubsequence("tool.call search", "llm.call gpt-4o-mini", "checkpoint.write");
		assertThat(rows).noneSatisfy((row) -> assertThat(row.getDomAttribute("class")).contains("error"));

		awaitList("");
		WebElement traceRow = this.browser
			.findElement(By.cssSelector("#trace-list tr.trace-row[data-trace-id='" + chat.traceId() + "']"));
		assertThat(traceRow.getText()).contains("HTTP POST /chat", chat.runId(), "anonymous", "OK");
		WebElement jaeger = this.browser.findElement(By.id("jaeger-link"));
		assertThat(jaeger.isDisplayed()).isTrue();
		assertThat(jaeger.getText()).isEqualTo("Open in Jaeger");
		assertThat(jaeger.getDomAttribute("href")).isEqualTo("http://localhost:16686/trace/" + chat.traceId());

		WebElement llm = rows.get(names.indexOf("llm.call gpt-4o-mini"));
		llm.click();
		new WebDriverWait(this.browser, TIMEOUT).until((browser) -> llm.getDomAttribute("data-span-id")
			.equals(browser.findElement(By.id("span-details")).getDomAttribute("data-span-id")));
		assertThat(attribute("model")).isEqualTo("gpt-4o-mini");
		assertThat(attribute("gen_ai.operation.name")).isEqualTo("chat");
		assertThat(attribute("gen_ai.provider.name")).isEqualTo("openai");
		assertThat(Long.parseLong(attribute("tokens.prompt"))).isPositive();
		assertThat(this.browser.findElement(By.cssSelector("#span-details h3")).getText())
			.isEqualTo("llm.call gpt-4o-mini");

		screenshot(SCREENSHOT);

		// The page's own requests (no favicon either) are not traced: spans are exported
		// in
		// the order they end, so once a later chat is listed, nothing else was recorded.
		ViewerApi.Chat later = this.api.chat("After the page");
		this.api.awaitListed(later.traceId(), "HTTP POST /chat");
		assertThat(this.api.traces("")).extracting((trace) -> trace.path("rootName").asString())
			.containsOnly("HTTP POST /chat");
	}

	@Test
	void errorSpansAreMarkedAndErrorsOnlyListsFailedRuns() throws Exception {
		ViewerApi.Chat ok = this.api.chat("This one works");
		ViewerApi.Chat failed = this.api.chat("Break [fail] please");
		assertThat(failed.status()).isEqualTo(502);
		this.api.awaitListed(ok.traceId(), "HTTP POST /chat");
		this.api.awaitListed(failed.traceId(), "HTTP POST /chat");

		this.browser.get(this.api.uri("/actuator/traces/ui#" + failed.traceId()).toString());
		awaitTrace(failed.traceId());
		awaitList("");
		assertThat(listedTraceIds()).contains(ok.traceId(), failed.traceId());
		List<String> errorSpans = this.browser.findElements(By.cssSelector("#waterfall .span-row.error"))
			.stream()
			.map(TraceViewerBrowserTests::spanName)
			.toList();
		assertThat(errorSpans).contains("agent.run /chat", "llm.call gpt-4o-mini");
		assertThat(this.browser.findElements(By.cssSelector("#waterfall .span-row.error .badge-error")))
			.hasSameSizeAs(errorSpans);
		assertThat(this.browser.findElements(By.cssSelector("#waterfall .span-row[data-status='ERROR']")))
			.hasSameSizeAs(errorSpans);

		WebElement llm = this.browser.findElements(By.cssSelector("#waterfall .span-row.error"))
			.stream()
			.filter((row) -> spanName(row).equals("llm.call gpt-4o-mini"))
			.findFirst()
			.orElseThrow();
		llm.click();
		new WebDriverWait(this.browser, TIMEOUT).until((browser) -> llm.getDomAttribute("data-span-id")
			.equals(browser.findElement(By.id("span-details")).getDomAttribute("data-span-id")));
		assertThat(attribute("error.type")).isEqualTo(InternalServerException.class.getName());
		assertThat(this.browser.findElement(By.id("span-details")).getText()).contains("exception");
		screenshot(ERROR_SCREENSHOT);

		this.browser.findElement(By.id("filter-errors")).click();
		this.browser.findElement(By.id("refresh")).click();
		awaitList("errors=true");
		assertThat(listedTraceIds()).contains(failed.traceId()).doesNotContain(ok.traceId());
		assertThat(this.browser.findElements(By.cssSelector("#trace-list tr.trace-row td.status-ERROR")))
			.hasSameSizeAs(listedTraceIds());
	}

	private void awaitTrace(String traceId) {
		new WebDriverWait(this.browser, TIMEOUT).until((browser) -> traceId
			.equals(browser.findElement(By.id("trace-section")).getDomAttribute("data-trace-id")));
	}

	/**
	 * Wait until the list shows the result of the given query (the page's own marker).
	 */
	private void awaitList(String query) {
		new WebDriverWait(this.browser, TIMEOUT)
			.until((browser) -> query.equals(browser.findElement(By.id("trace-list")).getDomAttribute("data-query")));
	}

	/**
	 * The trace ids listed, read in one script call so that a re-rendered list can never
	 * be half read.
	 */
	@SuppressWarnings("unchecked")
	private List<String> listedTraceIds() {
		return (List<String>) ((JavascriptExecutor) this.browser).executeScript(
				"return Array.from(document.querySelectorAll('#trace-list tr.trace-row'), (row) => row.dataset.traceId);");
	}

	private String attribute(String key) {
		return this.browser
			.findElement(By.cssSelector("#span-details table.attributes tr[data-key='" + key + "'] .attr-value"))
			.getText();
	}

	private void screenshot(Path target) throws Exception {
		File file = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Files.createDirectories(target.getParent());
		Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

	private static String spanName(WebElement row) {
		return row.findElement(By.className("span-name")).getText();
	}

}
