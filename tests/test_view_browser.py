"""The timeline page in a real browser: Debian's chromium, driven by selenium.

The first run installs `chromium` and `chromium-driver` with apt-get (as root); the tests
skip, saying why, only where that cannot happen (no apt-get, not root). Each run saves a
screenshot, `view.png`, in the test's temporary folder and also in the folder that
`TIMELINE_GRAPH_ARTIFACTS` names, if set (`TIMELINE_GRAPH_ARTIFACTS=docs` refreshes the
README's picture).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from graph import views
from graph.store import read_saved
from graph.viewer import render_page

from .test_viewer import HOSTILE, hostile_graph

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SIZE = {"width": 1400, "height": 900}


def _install_chromium() -> None:
    """apt-get install chromium chromium-driver; skips where apt-get cannot run."""
    apt = shutil.which("apt-get")
    if apt is None:
        pytest.skip("needs chromium and chromium-driver, and there is no apt-get to install them")
    if os.geteuid() != 0:
        pytest.skip(
            "needs chromium and chromium-driver; installing them takes root: "
            "sudo apt-get install -y chromium chromium-driver"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    lock = ["-o", "DPkg::Lock::Timeout=600"]  # another apt-get may be running

    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [apt, *lock, *arguments], env=env, capture_output=True, text=True, check=False
        )

    install = ("install", "-y", "-q", "chromium", "chromium-driver")
    result = run(*install)
    if result.returncode != 0:  # the package lists may be missing or stale
        run("update", "-q")
        result = run(*install)
    if result.returncode != 0 or not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail(f"apt-get could not install chromium chromium-driver: {result.stderr[-2000:]}")


@pytest.fixture(scope="session")
def browser() -> Iterator[webdriver.Chrome]:
    """Headless chromium at 1400x900, with its console kept for `console_errors`."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        _install_chromium()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1400,900"):  # fmt: skip
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        # The page's own size, whatever the window decorations take.
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride", {**SIZE, "deviceScaleFactor": 1, "mobile": False}
        )
        yield driver
    finally:
        driver.quit()


def console_errors(driver: webdriver.Chrome) -> list[dict[str, Any]]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def shown(driver: webdriver.Chrome) -> list[str]:
    """Ids of the events the timeline shows, top to bottom (laid out, not only present)."""
    ids: list[str] = driver.execute_script(
        "return Array.from(document.querySelectorAll('#events li.event'))"
        ".filter(li => li.getClientRects().length > 0).map(li => li.dataset.id)"
    )
    return ids


def settled(driver: webdriver.Chrome, check: Callable[[], bool], timeout: float = 10) -> bool:
    """Whether `check` holds once the page has caught up with the last input (a loaded
    machine may take a moment to re-render), waiting at most `timeout` seconds."""
    try:
        WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda _: check())
    except TimeoutException:
        return check()
    return True


def open_page(driver: webdriver.Chrome, page: Path) -> None:
    driver.get(page.as_uri())
    driver.find_element(By.CSS_SELECTOR, "#events li.event")  # the script has run


def save_screenshot(driver: webdriver.Chrome, tmp_path: Path) -> Path:
    picture = tmp_path / "view.png"
    assert driver.save_screenshot(str(picture))
    folder = os.environ.get("TIMELINE_GRAPH_ARTIFACTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(picture, Path(folder) / picture.name)
    return picture


def test_the_seeds_page_in_a_browser(
    seeds_graph: Path, browser: webdriver.Chrome, tmp_path: Path
) -> None:
    graph = read_saved(seeds_graph).graph
    page = tmp_path / "timeline.html"
    page.write_text(render_page(graph), encoding="utf-8")
    open_page(browser, page)
    rows = views.timeline(graph)
    events = [n for n, d in graph.nodes(data=True) if d["kind"] == "Event"]
    assert shown(browser) == [row.event_id for row in rows] and len(rows) == len(events)
    assert any(row.date is None for row in rows)  # undated events are on the page too
    assert browser.find_element(By.ID, "shown").text == f"{len(rows)} of {len(rows)} events"

    # An actor: only its events, the same as the timeline command gives for that actor.
    taking_part = {
        row.event_id: {u for u, _, t in graph.in_edges(row.event_id, data="type")
                       if t == "PARTICIPATED_IN"}
        for row in rows
    }  # fmt: skip
    counts = Counter(actor for actors in taking_part.values() for actor in actors)
    actor, count = counts.most_common(1)[0]
    Select(browser.find_element(By.ID, "filter-actor")).select_by_value(actor)
    mine = [r.event_id for r in rows if actor in taking_part[r.event_id]]
    assert settled(browser, lambda: shown(browser) == mine)
    assert 0 < count < len(rows)
    browser.find_element(By.ID, "filter-clear").click()
    browser.find_element(By.ID, "filter-from").send_keys("2024")
    since = views.timeline(graph, date_from=dt.date(2024, 1, 1))
    assert settled(browser, lambda: shown(browser) == [row.event_id for row in since])
    assert 0 < len(since) < len(rows)
    browser.find_element(By.ID, "filter-clear").click()
    assert settled(browser, lambda: len(shown(browser)) == len(rows))

    # A click on an event shows what its sources say.
    event = next(row for row in rows if row.contested)
    item = browser.find_element(By.CSS_SELECTOR, f'#events li[data-id="{event.event_id}"]')
    assert "contested" in item.text
    item.click()
    details = browser.find_element(By.ID, "details")
    assert settled(browser, lambda: details.find_element(By.TAG_NAME, "h2").text == event.label)
    quoted = [q.text for q in details.find_elements(By.TAG_NAME, "blockquote")]
    evidence = views.evidence(graph, event.event_id)
    assert quoted[0] == evidence[0].sentences[0]
    assert evidence[0].title in details.text

    # The event most sources describe: each source's sentences and title.
    event = max(rows, key=lambda row: row.sources)
    browser.find_element(By.CSS_SELECTOR, f'#events li[data-id="{event.event_id}"]').click()
    assert settled(browser, lambda: details.find_element(By.TAG_NAME, "h2").text == event.label)
    quoted = [q.text for q in details.find_elements(By.TAG_NAME, "blockquote")]
    evidence = views.evidence(graph, event.event_id)
    assert event.sources > 1 and len(evidence) == event.sources
    assert quoted == [sentence for source in evidence for sentence in source.sentences]
    assert all(source.title in details.text for source in evidence)

    assert console_errors(browser) == []
    assert save_screenshot(browser, tmp_path).stat().st_size > 10_000


def test_article_text_is_shown_as_text(browser: webdriver.Chrome, tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(render_page(hostile_graph(), title=HOSTILE), encoding="utf-8")
    open_page(browser, page)
    assert browser.execute_script("return window.pwned === undefined")
    assert browser.title == HOSTILE
    item = browser.find_element(By.CSS_SELECTOR, "#events li.event")
    assert HOSTILE in item.text
    item.click()
    details = browser.find_element(By.ID, "details")
    assert details.find_element(By.TAG_NAME, "blockquote").text == HOSTILE
    assert details.find_elements(By.CSS_SELECTOR, "cite a") == []  # javascript: is no link
    assert browser.find_elements(By.TAG_NAME, "img") == []
    assert console_errors(browser) == []


def test_an_empty_graph_gives_an_empty_page(browser: webdriver.Chrome, tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text(render_page(nx.MultiDiGraph()), encoding="utf-8")
    browser.get(page.as_uri())
    assert browser.find_element(By.ID, "shown").text == "0 of 0 events"
    assert browser.find_element(By.ID, "no-events").is_displayed()
    assert console_errors(browser) == []
