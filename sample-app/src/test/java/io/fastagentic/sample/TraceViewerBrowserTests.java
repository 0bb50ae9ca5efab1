package io.fastagentic.sample;

import java.io.File;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import com.openai.errors.InternalServerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The trace viewer's page in a real browser: headless Chromium from the Debian
 * {@code chromium} and {@code chromium-driver} packages, driven by Selenium (never
 * Selenium Manager, which would download a browser). Content capture is on, so that the
 * run view shows the conversation. Screenshots of the pages, wide and at 900 px, are
 * saved in {@code target/viewer-screenshots} for a reviewer to look at.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.opentelemetry.tracing.export.schedule-delay=10ms",
				"fastagentic.viewer.jaeger-url=http://localhost:16686", "fastagentic.llm.capture-content=true" })
@AutoConfigureTracing
class TraceViewerBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "viewer-screenshots");

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Dimension WIDE = new Dimension(1440, 1500);

	private static final Dimension NARROW = new Dimension(900, 1500);

	@LocalServerPort
	private int port;

	@TempDir
	private Path profile;

	@TempDir
	private Path downloads;

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
				"--user-data-dir=" + this.profile.toAbsolutePath(),
				"--window-size=" + WIDE.getWidth() + "," + WIDE.getHeight());
		options.setExperimentalOption("prefs", Map.of("download.default_directory",
				this.downloads.toAbsolutePath().toString(), "download.prompt_for_download", false));
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void quitBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void runListShowsEachRunsEndpointModelsCallsTokensCostAndStatus() throws Exception {
		ViewerApi.Chat ok = this.api.chat("What is OpenTelemetry?");
		ViewerApi.Chat failed = this.api.chat("Break [fail] please");
		JsonNode okSummary = this.api.awaitListed(ok.traceId(), "HTTP POST /chat");
		JsonNode failedSummary = this.api.awaitListed(failed.traceId(), "HTTP POST /chat");

		open("");
		awaitList("");
		assertThat(this.browser.findElements(By.cssSelector("#trace-list th"))).extracting(WebElement::getText)
			.containsExactly("Started", "Endpoint", "Models", "LLM", "Tools", "Tokens", "Cost", "Duration", "Status",
					"User", "Service");
		Map<String, String> row = cells(ok.traceId());
		assertThat(row.get("col-endpoint")).isEqualTo("/chat");
		assertThat(row.get("col-models")).isEqualTo("gpt-4o-mini");
		assertThat(row.get("col-llm")).isEqualTo("2");
		assertThat(row.get("col-tools")).isEqualTo("1");
		assertThat(Long.parseLong(row.get("col-tokens").replace(",", "")))
			.isEqualTo(okSummary.path("totalTokens").asLong());
		assertThat(shownCost(row.get("col-cost"))).isEqualByComparingTo(roundedCost(okSummary));
		assertThat(row.get("col-duration")).matches("[0-9.]+ (ms|s|µs)");
		assertThat(row.get("col-status")).isEqualTo("OK");
		assertThat(row.get("col-user")).isEqualTo("anonymous");
		assertThat(row.get("col-service")).isEqualTo("fastagentic-sample-agent");
		assertThat(row.get("col-start")).matches("\\d\\d:\\d\\d:\\d\\d");
		assertThat(this.browser.findElement(By.id("time-zone")).getText()).startsWith("times in ").contains("UTC");
		Map<String, String> failedRow = cells(failed.traceId());
		assertThat(failedRow.get("col-status")).isEqualTo("ERROR");
		assertThat(shownCost(failedRow.get("col-cost"))).isEqualByComparingTo(roundedCost(failedSummary));
		screenshot("list-wide");
		this.browser.manage().window().setSize(NARROW);
		assertFitsTheWindow();
		screenshot("list-900px");
	}

	@Test
	void filtersNarrowTheListAndHeadersSortIt() throws Exception {
		ViewerApi.Chat first = this.api.chat("First question");
		ViewerApi.Chat second = this.api.chat("A second, longer question about tracing");
		ViewerApi.Chat failed = this.api.chat("Break [fail] please");
		JsonNode failedSummary = this.api.awaitListed(failed.traceId(), "HTTP POST /chat");
		this.api.awaitListed(first.traceId(), "HTTP POST /chat");
		this.api.awaitListed(second.traceId(), "HTTP POST /chat");
		Map<String, JsonNode> summaries = new HashMap<>();
		this.api.traces("").forEach((trace) -> summaries.put(trace.path("traceId").asString(), trace));

		open("");
		awaitList("");
		new Select(this.browser.findElement(By.id("filter-status"))).selectByValue("ERROR");
		awaitList("status=ERROR");
		assertThat(listedTraceIds()).contains(failed.traceId()).doesNotContain(first.traceId(), second.traceId());
		assertThat(this.browser.findElements(By.cssSelector("#trace-list td.col-status")))
			.allSatisfy((cell) -> assertThat(cell.getText()).isEqualTo("ERROR"));
		new Select(this.browser.findElement(By.id("filter-status"))).selectByValue("");
		awaitList("");

		new Select(this.browser.findElement(By.id("filter-endpoint"))).selectByVisibleText("/chat");
		awaitList("endpoint=%2Fchat");
		assertThat(listedTraceIds()).contains(first.traceId(), second.traceId(), failed.traceId());
		new Select(this.browser.findElement(By.id("filter-model"))).selectByVisibleText("gpt-4o-mini");
		awaitList("endpoint=%2Fchat&model=gpt-4o-mini");
		assertThat(listedTraceIds()).contains(first.traceId(), second.traceId(), failed.traceId());
		new Select(this.browser.findElement(By.id("filter-endpoint"))).selectByValue("");
		new Select(this.browser.findElement(By.id("filter-model"))).selectByValue("");
		awaitList("");

		// The failed run made one priced call only: a minimum just above its cost leaves
		// the answered runs.
		String minCost = new BigDecimal(failedSummary.path("cost").asDouble()).multiply(new BigDecimal("1.01"))
			.round(new MathContext(4))
			.toPlainString();
		type("filter-min-cost", minCost);
		awaitList("minCost=" + minCost);
		assertThat(listedTraceIds()).contains(first.traceId(), second.traceId()).doesNotContain(failed.traceId());
		type("filter-min-cost", "");
		awaitList("");
		type("filter-min-duration", "3600000");
		awaitList("minDuration=3600000000us");
		assertThat(listedTraceIds()).isEmpty();
		assertThat(this.browser.findElement(By.id("list-message")).getText())
			.isEqualTo("No recent run matches these filters.");
		type("filter-min-duration", "");
		awaitList("");
		// Free text over span names and attribute values: the captured prompt, here.
		type("filter-search", "LONGER QUESTION");
		awaitList("search=LONGER+QUESTION");
		assertThat(listedTraceIds()).containsExactly(second.traceId());
		type("filter-search", InternalServerException.class.getSimpleName());
		awaitList("search=" + InternalServerException.class.getSimpleName());
		assertThat(listedTraceIds()).contains(failed.traceId()).doesNotContain(first.traceId(), second.traceId());
		type("filter-search", "");
		awaitList("");

		sortBy("cost", "cost,desc");
		assertThat(listedValues(summaries, (trace) -> trace.path("cost").asDouble()))
			.isSortedAccordingTo(Comparator.reverseOrder());
		sortBy("cost", "cost,asc");
		assertThat(listedValues(summaries, (trace) -> trace.path("cost").asDouble())).isSorted();
		assertThat(this.browser.findElement(By.cssSelector("#trace-list th[data-sort='cost']"))
			.getDomAttribute("aria-sort")).isEqualTo("ascending");
		sortBy("durationNanos", "durationNanos,desc");
		assertThat(listedValues(summaries, (trace) -> trace.path("durationNanos").asLong()))
			.isSortedAccordingTo(Comparator.reverseOrder());
		sortBy("start", "start,desc");
		assertThat(listedValues(summaries, (trace) -> trace.path("startEpochNanos").asLong()))
			.isSortedAccordingTo(Comparator.reverseOrder());
	}

	@Test
	void autoRefreshListsANewRunWithoutAClick() throws Exception {
		ViewerApi.Chat before = this.api.chat("Before auto-refresh");
		this.api.awaitListed(before.traceId(), "HTTP POST /chat");
		open("");
		awaitList("");
		assertThat(listedTraceIds()).contains(before.traceId());
		this.browser.findElement(By.id("auto-refresh")).click();
		ViewerApi.Chat after = this.api.chat("After auto-refresh");
		this.api.awaitListed(after.traceId(), "HTTP POST /chat");
		new WebDriverWait(this.browser, TIMEOUT).until((browser) -> listedTraceIds().contains(after.traceId()));
		assertThat(listedTraceIds().get(0)).isEqualTo(after.traceId());
	}

	@Test
	void chartShowsTheRecentRunsAndAClickOpensOne() throws Exception {
		ViewerApi.Chat first = this.api.chat("Chart me");
		ViewerApi.Chat failed = this.api.chat("Break [fail] on the chart");
		this.api.awaitListed(first.traceId(), "HTTP POST /chat");
		this.api.awaitListed(failed.traceId(), "HTTP POST /chat");

		open("");
		awaitList("");
		List<String> listed = listedTraceIds();
		List<WebElement> points = this.browser.findElements(By.cssSelector("#chart-svg .chart-point"));
		assertThat(points).hasSize(Math.min(listed.size(), 60));
		assertThat(points).extracting((point) -> point.getDomAttribute("data-trace-id"))
			.containsExactlyInAnyOrderElementsOf(listed);
		// Oldest left: the later chat is to the right of the earlier one.
		assertThat(points.stream().map((point) -> point.getDomAttribute("data-trace-id")).toList())
			.containsSubsequence(first.traceId(), failed.traceId());
		assertThat(this.browser.findElements(By.cssSelector("#chart-svg .chart-point .duration-bar")))
			.hasSameSizeAs(points);
		assertThat(this.browser.findElements(By.cssSelector("#chart-svg .chart-point .cost-dot")))
			.hasSameSizeAs(points);
		assertThat(this.browser.findElements(By.cssSelector("#chart-svg .chart-point.error"))).isNotEmpty();
		assertThat(this.browser.findElement(By.id("chart-svg")).findElements(By.cssSelector("polyline.cost-line")))
			.hasSize(1);

		WebElement point = this.browser
			.findElement(By.cssSelector("#chart-svg .chart-point[data-trace-id='" + first.traceId() + "']"));
		point.click();
		awaitTrace(first.traceId());
		assertThat(this.browser.getCurrentUrl()).endsWith("#" + first.traceId());
		assertThat(this.browser
			.findElement(By.cssSelector("#chart-svg .chart-point[data-trace-id='" + first.traceId() + "']"))
			.getDomAttribute("class")).contains("selected");
	}

	@Test
	void runViewShowsTotalsTheWaterfallAndTheCapturedConversation() throws Exception {
		ViewerApi.Chat chat = this.api.chat("What is OpenTelemetry?");
		assertThat(chat.status()).isEqualTo(200);
		JsonNode summary = this.api.awaitListed(chat.traceId(), "HTTP POST /chat");

		open("#" + chat.traceId());
		awaitTrace(chat.traceId());
		assertThat(this.browser.findElement(By.id("trace-title")).getText()).isEqualTo("/chat — HTTP POST /chat");
		assertThat(this.browser.findElement(By.id("trace-status")).getText()).isEqualTo("OK");
		assertThat(this.browser.findElement(By.id("trace-meta")).getText()).contains("service fastagentic-sample-agent",
				chat.runId(), "user anonymous", "trace " + chat.traceId());
		assertThat(totalValue("total-llm-calls")).isEqualTo("2");
		assertThat(totalValue("total-tool-calls")).isEqualTo("1");
		assertThat(Long.parseLong(totalValue("total-tokens").replace(",", "")))
			.isEqualTo(summary.path("totalTokens").asLong());
		assertThat(this.browser.findElement(By.cssSelector("#run-totals .total-tokens .detail")).getText()).isEqualTo(
				summary.path("promptTokens").asLong() + " in · " + summary.path("completionTokens").asLong() + " out");
		assertThat(shownCost(totalValue("total-cost"))).isEqualByComparingTo(roundedCost(summary));
		assertThat(this.browser.findElement(By.cssSelector("#run-totals .total-llm-calls .detail")).getText())
			.isEqualTo("gpt-4o-mini");

		List<WebElement> rows = this.browser.findElements(By.cssSelector("#waterfall .span-row"));
		assertThat(rows).hasSize(summary.path("spanCount").asInt());
		List<String> names = rows.stream().map(TraceViewerBrowserTests::spanName).toList();
		List<Integer> depths = rows.stream().map((row) -> Integer.valueOf(row.getDomAttribute("data-depth"))).toList();
		assertThat(names.subList(0, 4)).containsExactly("HTTP POST /chat", "auth.validate", "policy.check",
				"agent.run /chat");
		assertThat(depths.subList(0, 4)).containsExactly(0, 1, 1, 1);
		assertThat(depths.subList(4, depths.size())).allSatisfy((depth) -> assertThat(depth).isGreaterThan(1));
		List<String> runChildren = IntStream.range(4, names.size())
			.filter((index) -> depths.get(index) == 2)
			.mapToObj(names::get)
			.toList();
		assertThat(runChildren).containsSubsequence("tool.call search", "llm.call gpt-4o-mini", "checkpoint.write");
		assertThat(rows).noneSatisfy((row) -> assertThat(row.getDomAttribute("class")).contains("error"));
		// Tokens and cost on the LLM rows themselves.
		List<WebElement> llmRows = rows.stream().filter((row) -> spanName(row).equals("llm.call gpt-4o-mini")).toList();
		assertThat(llmRows).hasSize(2)
			.allSatisfy((row) -> assertThat(row.findElement(By.className("chip-tokens")).getText())
				.matches("[\\d,]+ → [\\d,]+ tok"))
			.allSatisfy((row) -> assertThat(row.findElement(By.className("chip-cost")).getText()).startsWith("$"));
		WebElement jaeger = this.browser.findElement(By.id("jaeger-link"));
		assertThat(jaeger.isDisplayed()).isTrue();
		assertThat(jaeger.getDomAttribute("href")).isEqualTo("http://localhost:16686/trace/" + chat.traceId());

		// The answering call: what the model saw (system, user, its tool call, the tool's
		// answer) and what it wrote.
		WebElement answer = llmRows.get(1);
		answer.click();
		awaitDetails(answer);
		JsonNode answerSpan = span(chat.traceId(), answer.getDomAttribute("data-span-id"));
		assertThat(Long.parseLong(usage("usage-input")))
			.isEqualTo(answerSpan.path("attributes").path("tokens.prompt").asLong());
		assertThat(Long.parseLong(usage("usage-output")))
			.isEqualTo(answerSpan.path("attributes").path("tokens.completion").asLong());
		assertThat(usage("usage-model")).isEqualTo("gpt-4o-mini");
		List<WebElement> messages = this.browser.findElements(By.cssSelector("#conversation .message-card"));
		assertThat(messages).extracting((message) -> message.getDomAttribute("data-role"))
			.containsExactly("system", "user", "assistant", "tool", "assistant");
		assertThat(messages.get(1).getText()).contains("What is OpenTelemetry?");
		assertThat(messages.get(2).findElement(By.className("part-tool")).getText()).startsWith("→ search(");
		assertThat(messages.get(3).findElement(By.className("part-tool")).getText()).isNotBlank();
		assertThat(messages.get(4).getText()).contains("output").contains("stop");
		assertThat(messages.get(4).findElement(By.className("part-text")).getText()).isNotBlank();
		screenshot("run-wide");
		this.browser.manage().window().setSize(NARROW);
		assertFitsTheWindow();
		// Narrow: the details go below the waterfall.
		assertThat(this.browser.findElement(By.id("span-details")).getRect().getY())
			.isGreaterThanOrEqualTo(this.browser.findElement(By.id("waterfall")).getRect().getY()
					+ this.browser.findElement(By.id("waterfall")).getRect().getHeight());
		screenshot("run-900px");
		((JavascriptExecutor) this.browser).executeScript("document.getElementById('span-details').scrollIntoView()");
		screenshot("conversation-900px");
	}

	@Test
	void arrowKeysMoveThroughTheSpansAndSubtreesCollapse() throws Exception {
		ViewerApi.Chat chat = this.api.chat("Keyboard please");
		this.api.awaitListed(chat.traceId(), "HTTP POST /chat");
		open("#" + chat.traceId());
		awaitTrace(chat.traceId());
		List<WebElement> rows = this.browser.findElements(By.cssSelector("#waterfall .span-row"));
		int total = rows.size();
		rows.get(0).click();
		awaitDetails(rows.get(0));
		WebElement waterfall = this.browser.findElement(By.id("waterfall"));
		waterfall.sendKeys(Keys.ARROW_DOWN);
		awaitDetails(rows.get(1));
		assertThat(selectedSpanName()).isEqualTo("auth.validate");
		waterfall.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
		awaitDetails(rows.get(3));
		assertThat(selectedSpanName()).isEqualTo("agent.run /chat");
		// Left collapses agent.run's subtree: only the four spans above it stay visible.
		waterfall.sendKeys(Keys.ARROW_LEFT);
		new WebDriverWait(this.browser, TIMEOUT).until((browser) -> visibleSpanRows() == 4);
		assertThat(rows.get(3).findElement(By.className("hidden-count")).getText()).isEqualTo("+" + (total - 4));
		waterfall.sendKeys(Keys.ARROW_RIGHT);
		new WebDriverWait(this.browser, TIMEOUT).until((browser) -> visibleSpanRows() == total);
		// Left on a leaf goes to its parent.
		waterfall.sendKeys(Keys.ARROW_UP);
		awaitDetails(rows.get(2));
		waterfall.sendKeys(Keys.ARROW_LEFT);
		awaitDetails(rows.get(0));
		// A click on the toggle collapses too.
		rows.get(3).findElement(By.className("toggle")).click();
		new WebDriverWait(this.browser, TIMEOUT).until((browser) -> visibleSpanRows() == 4);
		this.browser.findElement(By.id("expand-all")).click();
		new WebDriverWait(this.browser, TIMEOUT).until((browser) -> visibleSpanRows() == total);
		this.browser.findElement(By.id("collapse-all")).click();
		new WebDriverWait(this.browser, TIMEOUT).until((browser) -> visibleSpanRows() == 4);
	}

	@Test
	void failedRunShowsErrorsAndAReadableStackTrace() throws Exception {
		ViewerApi.Chat failed = this.api.chat("Break [fail] please");
		assertThat(failed.status()).isEqualTo(502);
		this.api.awaitListed(failed.traceId(), "HTTP POST /chat");

		open("#" + failed.traceId());
		awaitTrace(failed.traceId());
		assertThat(this.browser.findElement(By.id("trace-status")).getText()).isEqualTo("ERROR");
		List<String> errorSpans = this.browser.findElements(By.cssSelector("#waterfall .span-row.error"))
			.stream()
			.map(TraceViewerBrowserTests::spanName)
			.toList();
		assertThat(errorSpans).contains("agent.run /chat", "llm.call gpt-4o-mini");
		assertThat(this.browser.findElements(By.cssSelector("#waterfall .span-row.error .badge-error")))
			.hasSameSizeAs(errorSpans);

		WebElement llm = this.browser.findElements(By.cssSelector("#waterfall .span-row.error"))
			.stream()
			.filter((row) -> spanName(row).equals("llm.call gpt-4o-mini"))
			.findFirst()
			.orElseThrow();
		llm.click();
		awaitDetails(llm);
		assertThat(attribute("error.type")).isEqualTo(InternalServerException.class.getName());
		WebElement exception = this.browser.findElement(By.cssSelector("#span-details .event.exception"));
		assertThat(exception.findElement(By.className("exception-title")).getText())
			.startsWith(InternalServerException.class.getName());
		WebElement stack = exception.findElement(By.cssSelector("pre.stack"));
		// One frame a line, wrapped rather than cut.
		assertThat(stack.getText().lines().filter((line) -> line.strip().startsWith("at ")).count()).isGreaterThan(5);
		assertThat(stack.getCssValue("white-space")).isEqualTo("pre-wrap");
		assertThat(stack.getRect().getWidth())
			.isLessThanOrEqualTo(this.browser.findElement(By.id("span-details")).getRect().getWidth());
		((JavascriptExecutor) this.browser).executeScript("arguments[0].scrollIntoView()", exception);
		screenshot("error-wide");
	}

	@Test
	void downloadSavesTheTraceAsJson() throws Exception {
		ViewerApi.Chat chat = this.api.chat("Download me");
		JsonNode summary = this.api.awaitListed(chat.traceId(), "HTTP POST /chat");
		open("#" + chat.traceId());
		awaitTrace(chat.traceId());
		this.browser.findElement(By.id("download-json")).click();
		Path file = this.downloads.resolve("trace-" + chat.traceId() + ".json");
		await().atMost(TIMEOUT).until(() -> Files.isRegularFile(file) && Files.size(file) > 0);
		JsonNode downloaded = JsonMapper.builder().build().readTree(file.toFile());
		assertThat(downloaded.path("summary").path("traceId").asString()).isEqualTo(chat.traceId());
		assertThat(downloaded.path("summary").path("cost").asDouble()).isEqualTo(summary.path("cost").asDouble());
		assertThat(downloaded.path("spans").size()).isEqualTo(summary.path("spanCount").asInt());
		assertThat(downloaded.path("spans").get(0).path("name").asString()).isEqualTo("HTTP POST /chat");
	}

	@Test
	void readingThePageIsNotTraced() throws Exception {
		ViewerApi.Chat chat = this.api.chat("Before the page");
		this.api.awaitListed(chat.traceId(), "HTTP POST /chat");
		open("#" + chat.traceId());
		awaitTrace(chat.traceId());
		// Spans are exported in the order they end, so once a later chat is listed,
		// nothing of the page's own requests (no favicon either) was recorded.
		ViewerApi.Chat later = this.api.chat("After the page");
		this.api.awaitListed(later.traceId(), "HTTP POST /chat");
		assertThat(this.api.traces("")).extracting((trace) -> trace.path("rootName").asString())
			.containsOnly("HTTP POST /chat");
	}

	private void open(String fragment) {
		this.browser.get(this.api.uri("/actuator/traces/ui" + fragment).toString());
	}

	private void awaitTrace(String traceId) {
		new WebDriverWait(this.browser, TIMEOUT).until((browser) -> traceId
			.equals(browser.findElement(By.id("trace-section")).getDomAttribute("data-trace-id")));
	}

	private void awaitDetails(WebElement row) {
		new WebDriverWait(this.browser, TIMEOUT).until((browser) -> row.getDomAttribute("data-span-id")
			.equals(browser.findElement(By.id("span-details")).getDomAttribute("data-span-id")));
	}

	/**
	 * Wait until the list shows the result of the given query (the page's own marker).
	 */
	private void awaitList(String query) {
		new WebDriverWait(this.browser, TIMEOUT)
			.until((browser) -> query.equals(browser.findElement(By.id("trace-list")).getDomAttribute("data-query")));
	}

	private void sortBy(String column, String marker) {
		this.browser.findElement(By.cssSelector("#trace-list th[data-sort='" + column + "'] button")).click();
		new WebDriverWait(this.browser, TIMEOUT)
			.until((browser) -> marker.equals(browser.findElement(By.id("trace-list")).getDomAttribute("data-sort")));
	}

	private void type(String id, String text) {
		WebElement input = this.browser.findElement(By.id(id));
		input.clear();
		if (text.isEmpty()) {
			// clear() fires no input event: the page is told by a change event.
			((JavascriptExecutor) this.browser)
				.executeScript("arguments[0].dispatchEvent(new Event('change', { bubbles: true }))", input);
		}
		else {
			input.sendKeys(text);
		}
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

	private <T> List<T> listedValues(Map<String, JsonNode> summaries, Function<JsonNode, T> value) {
		return listedTraceIds().stream().filter(summaries::containsKey).map(summaries::get).map(value).toList();
	}

	/**
	 * The cells of a listed run by column class, read in one script call.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, String> cells(String traceId) {
		return (Map<String, String>) ((JavascriptExecutor) this.browser).executeScript(
				"const row = document.querySelector(\"#trace-list tr.trace-row[data-trace-id='\" + arguments[0]"
						+ " + \"']\"); return Object.fromEntries(Array.from(row.cells, (cell) => "
						+ "[cell.className.split(' ')[0], cell.textContent]));",
				traceId);
	}

	private long visibleSpanRows() {
		return this.browser.findElements(By.cssSelector("#waterfall .span-row"))
			.stream()
			.filter(WebElement::isDisplayed)
			.count();
	}

	private String selectedSpanName() {
		return this.browser.findElement(By.cssSelector("#waterfall .span-row.selected .span-name")).getText();
	}

	private String totalValue(String className) {
		return this.browser.findElement(By.cssSelector("#run-totals ." + className + " .value")).getText();
	}

	private String usage(String className) {
		return this.browser.findElement(By.cssSelector("#llm-usage ." + className + " .value"))
			.getText()
			.replace(",", "");
	}

	private JsonNode span(String traceId, String spanId) throws Exception {
		for (JsonNode span : this.api.json("/actuator/traces/" + traceId).path("spans")) {
			if (span.path("spanId").asString().equals(spanId)) {
				return span;
			}
		}
		throw new AssertionError("No span " + spanId + " in trace " + traceId);
	}

	private String attribute(String key) {
		return this.browser
			.findElement(By.cssSelector("#span-details table.attributes tr[data-key='" + key + "'] .attr-value"))
			.getText();
	}

	private void assertFitsTheWindow() {
		Object overflow = ((JavascriptExecutor) this.browser)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		assertThat(((Number) overflow).longValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
	}

	private void screenshot(String name) throws Exception {
		File file = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Files.createDirectories(SCREENSHOTS);
		Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * A cost as the page shows it ({@code $0.0000399}).
	 */
	private static BigDecimal shownCost(String text) {
		assertThat(text).startsWith("$");
		return new BigDecimal(text.substring(1));
	}

	/**
	 * A run's cost to three significant digits, as the page shows it.
	 */
	private static BigDecimal roundedCost(JsonNode summary) {
		return BigDecimal.valueOf(summary.path("cost").asDouble()).round(new MathContext(3)).stripTrailingZeros();
	}

	private static String spanName(WebElement row) {
		return row.findElement(By.className("span-name")).getText();
	}

}
