"""The explorer in a real browser: headless Chromium, driven by Selenium, against a server on 127.0.0.1.

Needs the Debian packages ``chromium`` and ``chromium-driver`` and the ``selenium``
package (the ``test`` extra). Without them the tests are skipped, unless
``TRIGGERPOINTS_REQUIRE_BROWSER=1`` (set by ``.ci/run``) makes that a failure. The page's
screenshot is written to ``TRIGGERPOINTS_SCREENSHOT`` when set (the docs show
``docs/_static/explorer.png``), else to a temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import triggerpoints as tp
from triggerpoints._explore import Explorer

if TYPE_CHECKING:
    from selenium.webdriver import Chrome as WebDriver
    from selenium.webdriver.remote.webelement import WebElement

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
REQUIRED = os.environ.get("TRIGGERPOINTS_REQUIRE_BROWSER") == "1"
WAIT = 30  # seconds the page may take to answer a change
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-default-browser-check",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # no name resolves: no other host is reachable
    "--window-size=1280,1000",
    "--force-device-scale-factor=1",
]
GLUTE_MIN = [("region:lateral-thigh", "right"), ("region:lateral-leg", "right"), ("region:lateral-ankle", "right")]

# A point inside a zone where the zone itself (not a smaller zone drawn over it) takes the click.
_POINT_IN_ZONE = """
const zone = arguments[0];
zone.scrollIntoView({block: "center"});
const box = zone.getBoundingClientRect();
const steps = [5, 4, 6, 3, 7, 2, 8, 1, 9];
for (const i of steps) for (const j of steps) {
  const x = Math.round(box.left + box.width * i / 10), y = Math.round(box.top + box.height * j / 10);
  if (document.elementFromPoint(x, y) === zone) return [x, y];
}
return null;
"""


def _missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import selenium  # noqa: F401, PLC0415 - only to know whether it is installed
    except ModuleNotFoundError:
        return "selenium is not installed (pip install -e '.[test]')"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            return f"{path} is missing (apt-get install chromium chromium-driver)"
    return None


@pytest.fixture(scope="module")
def explorer() -> Iterator[Explorer]:
    """The explorer on a free port of 127.0.0.1, stopped after the module."""
    with Explorer(port=0) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    """Headless Chromium with a fresh profile, closed after the module; skipped (or failed in CI) if missing."""
    reason = _missing()
    if reason is not None:
        if REQUIRED:
            pytest.fail(f"TRIGGERPOINTS_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from selenium import webdriver  # noqa: PLC0415 - optional, imported once known to be there
    from selenium.webdriver.chrome.service import Service  # noqa: PLC0415

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    with tempfile.TemporaryDirectory(prefix="tp-chromium-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
        driver.set_page_load_timeout(WAIT)
        driver.set_script_timeout(WAIT)
        try:
            yield driver
        finally:
            driver.quit()


def _wait(driver: WebDriver, until: Callable[[WebDriver], Any]) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait  # noqa: PLC0415

    return WebDriverWait(driver, WAIT).until(until)


@pytest.fixture
def page(browser: WebDriver, explorer: Explorer) -> WebDriver:
    """The page freshly loaded, its lists and body map ready."""
    browser.get(explorer.url)
    _wait(browser, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
    return browser


def _zone(driver: WebDriver, region: str, side: str) -> WebElement:
    from selenium.webdriver.common.by import By  # noqa: PLC0415

    return driver.find_element(By.CSS_SELECTOR, f'#map [data-region="{region}"][data-side="{side}"]')


def _click(driver: WebDriver, region: str, side: str = "center") -> None:
    """Click a zone of the body map with the mouse, where the zone itself is on top."""
    from selenium.webdriver.common.actions.action_builder import ActionBuilder  # noqa: PLC0415

    point = driver.execute_script(_POINT_IN_ZONE, _zone(driver, region, side))
    assert point is not None, f"no point of {region} ({side}) can be clicked"
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(point[0], point[1]).click()  # type: ignore[no-untyped-call]
    actions.perform()


def _settled(driver: WebDriver) -> list[dict[str, str]]:
    """The candidates shown, once the ranking on the page answers what is marked."""
    _wait(
        driver,
        lambda d: d.execute_script(
            "return document.getElementById('results').dataset.query === location.hash.slice(1)"
        ),
    )
    found: list[dict[str, str]] = driver.execute_script(
        "return [...document.querySelectorAll('#candidates > li')].map(li => ({"
        "muscle: li.dataset.muscle, rank: li.dataset.rank, evidence: li.querySelector('.evidence').textContent}))"
    )
    return found


def _library(pain: list[str], absent: tuple[str, ...] = ()) -> list[str]:
    """The muscles the library ranks for the query, as the page should show them (ten at most)."""
    return [candidate.muscle.id for candidate in tp.rank(pain, absent=absent, limit=10)]


def test_clicking_the_outer_thigh_lower_leg_and_ankle_ranks_gluteus_minimus_first(page: WebDriver) -> None:
    """Three clicks on the map rank gluteus minimus first, with its evidence in words and its picture."""
    for region, side in GLUTE_MIN:
        _click(page, region, side)
    shown = _settled(page)
    assert "muscle:gluteus-minimus" == shown[0]["muscle"]
    assert "1" == shown[0]["rank"]
    assert shown[0]["evidence"].startswith("Gluteus minimus (score")
    assert "refers pain to the Lateral thigh" in shown[0]["evidence"]
    assert _library([region for region, _ in GLUTE_MIN]) == [item["muscle"] for item in shown]
    pictures = (
        "return [...document.querySelectorAll('#candidates img')].slice(0, 2).map(i => i.complete && i.naturalWidth)"
    )
    page.execute_script("document.querySelector('#candidates img').scrollIntoView()")
    assert all(_wait(page, lambda d: d.execute_script(pictures)))
    marked = page.execute_script("return [...document.querySelectorAll('#map .pain')].map(z => z.dataset.region)")
    assert {region for region, _ in GLUTE_MIN} == set(marked)
    page.execute_script("window.scrollTo(0, 0)")
    target = os.environ.get("TRIGGERPOINTS_SCREENSHOT") or str(Path(tempfile.gettempdir()) / "explorer.png")
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    assert page.save_screenshot(target)
    assert Path(target).stat().st_size < 300_000


def test_a_second_click_marks_a_region_pain_free_and_the_ranking_changes(page: WebDriver) -> None:
    """Clicking the ankle again marks it pain-free: the ranking becomes the library's for that query; a third click clears it."""
    for region, side in GLUTE_MIN:
        _click(page, region, side)
    before = _settled(page)
    _click(page, "region:lateral-ankle", "right")
    after = _settled(page)
    assert "#pain=region%3Alateral-thigh&pain=region%3Alateral-leg&absent=region%3Alateral-ankle&side=both" == (
        page.execute_script("return location.hash")
    )
    assert _library(["region:lateral-thigh", "region:lateral-leg"], ("region:lateral-ankle",)) == [
        item["muscle"] for item in after
    ]
    assert before != after
    classes = "return [...document.querySelectorAll('#map [data-region=\"region:lateral-ankle\"]')].map(z => z.classList.value)"
    assert {"absent"} == set(page.execute_script(classes))  # every zone of the region, both sides, both views
    _click(page, "region:lateral-ankle", "left")
    _settled(page)
    assert "#pain=region%3Alateral-thigh&pain=region%3Alateral-leg&side=both" == page.execute_script(
        "return location.hash"
    )


def _tied_region(driver: WebDriver) -> str:
    """A region of the body map whose ranking ties two or more candidates on score."""
    regions = driver.execute_script(
        "return [...new Set([...document.querySelectorAll('#map [data-region]')].map(z => z.dataset.region))]"
    )
    for region in regions:
        if any(candidate.tied for candidate in tp.rank([region], limit=10)):
            return str(region)
    pytest.fail("no region of the body map ties candidates on score")


def test_a_tie_is_shown_as_a_shared_place(page: WebDriver) -> None:
    """Candidates with equal scores share a place shown as "=n", and the page says what that means."""
    region = _tied_region(page)
    sides = page.execute_script(
        f"return [...document.querySelectorAll('#map [data-region=\"{region}\"]')].map(z => z.dataset.side)"
    )
    _click(page, region, sides[0])
    shown = _settled(page)
    expected = [candidate.place for candidate in tp.rank([region], limit=10)]
    assert expected == [item["rank"] for item in shown]
    tied = [item["rank"] for item in shown if item["rank"].startswith("=")]
    assert tied
    label = page.execute_script("return document.querySelector('#candidates .place.tied').getAttribute('aria-label')")
    assert f"shared place {tied[0][1:]}" == label
    assert page.execute_script("return !document.getElementById('ties').hidden")


def test_a_caution_is_shown_once_per_answer(page: WebDriver) -> None:
    """Pain over the breastbone brings the chest's caution, shown once however many candidates there are."""
    _click(page, "region:sternum")
    shown = _settled(page)
    (caution,) = {text for _, text in tp.load().cautions_for("sternum")}
    text = page.execute_script("return document.body.innerText")
    assert len(shown) > 1
    assert 1 == text.count(caution)


def test_activities_and_regions_the_map_cannot_show_are_picked_from_lists(page: WebDriver) -> None:
    """The activity list (filtered) and the region list built from the data feed the ranking like clicks do."""
    from selenium.webdriver.common.by import By  # noqa: PLC0415
    from selenium.webdriver.support.ui import Select  # noqa: PLC0415

    activity = tp.load().factor("factor:sitting-on-a-wallet")
    Select(page.find_element(By.ID, "region-pick")).select_by_value("region:buttock")
    page.find_element(By.ID, "pick-pain").click()
    page.find_element(By.CSS_SELECTOR, "#activities-box summary").click()
    page.find_element(By.ID, "activities-filter").send_keys("wallet")
    visible = [label.text for label in page.find_elements(By.CSS_SELECTOR, "#activities label") if label.is_displayed()]
    assert [activity.name] == visible
    page.find_element(By.CSS_SELECTOR, f'#activities input[value="{activity.id}"]').click()
    shown = _settled(page)
    expected = tp.rank(["region:buttock"], activities=[activity.id], limit=10)
    assert [candidate.muscle.id for candidate in expected] == [item["muscle"] for item in shown]
    assert f"Fits the activity {activity.name}" in shown[0]["evidence"]
    assert "Buttock" in page.find_element(By.ID, "marked").text


def test_zones_are_buttons_with_names_and_work_from_the_keyboard(page: WebDriver) -> None:
    """Each zone is focusable, a button named by its region; Enter marks pain, Space then marks it pain-free."""
    from selenium.webdriver.common.action_chains import ActionChains  # noqa: PLC0415
    from selenium.webdriver.common.keys import Keys  # noqa: PLC0415

    zone = _zone(page, "region:lateral-thigh", "left")
    assert ("0", "button") == (zone.get_attribute("tabindex"), zone.get_attribute("role"))
    assert "Lateral thigh (left)" == page.execute_script("return arguments[0].querySelector('title').textContent", zone)
    page.execute_script("arguments[0].focus()", zone)
    ActionChains(page).send_keys(Keys.ENTER).perform()
    _settled(page)
    assert "Lateral thigh (left): pain" == zone.get_attribute("aria-label")
    ActionChains(page).send_keys(Keys.SPACE).perform()
    _settled(page)
    assert "Lateral thigh (left): pain-free" == zone.get_attribute("aria-label")
    outline = page.execute_script("return getComputedStyle(arguments[0]).strokeWidth", zone)
    assert "5px" == outline  # the focused zone is drawn with a wide black edge


def test_the_muscle_view_shows_trigger_points_patterns_and_sources(page: WebDriver) -> None:
    """The first candidate's muscle view shows gluteus minimus: its trigger points, zones, relations and sources."""
    from selenium.webdriver.common.by import By  # noqa: PLC0415

    for region, side in GLUTE_MIN:
        _click(page, region, side)
    _settled(page)
    page.find_element(By.CSS_SELECTOR, "#candidates > li:first-child .open-muscle").click()
    _wait(page, lambda d: d.find_element(By.ID, "muscle-title").text.startswith("Gluteus minimus"))
    view = page.find_element(By.ID, "muscle")
    labels = [p.label for p in tp.load().trigger_points_of("gluteus minimus")]
    assert labels == [h.text for h in view.find_elements(By.CSS_SELECTOR, ".point h4")]
    assert "Lateral thigh" in view.text
    assert view.find_elements(By.CSS_SELECTOR, ".relations li")
    assert any("Travell" in li.text for li in view.find_elements(By.CSS_SELECTOR, "ul.sources li"))
    assert "muscle" == page.execute_script("return document.activeElement.id")


def test_the_disclaimer_stays_in_view(page: WebDriver) -> None:
    """Scrolled to the bottom with a ranking shown, the disclaimer is still on screen."""
    for region, side in GLUTE_MIN:
        _click(page, region, side)
    _settled(page)
    page.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    top, bottom = page.execute_script(
        "const box = document.getElementById('disclaimer').getBoundingClientRect(); return [box.top, box.bottom]"
    )
    assert 0 == round(top)
    assert bottom > 20
    assert "not a diagnosis" in page.execute_script("return document.getElementById('disclaimer').innerText")


def test_the_page_asks_nothing_of_any_other_address(page: WebDriver, explorer: Explorer) -> None:
    """Every request the browser made for the page went to the explorer on 127.0.0.1."""
    for region, side in GLUTE_MIN:
        _click(page, region, side)
    _settled(page)
    page.execute_script("document.querySelector('#candidates img').scrollIntoView()")
    urls = set()
    for entry in page.get_log("performance"):  # type: ignore[no-untyped-call]
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.add(message["params"]["request"]["url"])
    network = {url for url in urls if url.split(":", 1)[0] in {"http", "https", "ws", "wss", "ftp"}}
    assert network  # (the rest is the browser's own pages, such as its new tab page: chrome://, data:)
    assert [] == sorted(url for url in network if not url.startswith(explorer.url))
    errors = [e["message"] for e in page.get_log("browser") if e["level"] == "SEVERE"]  # type: ignore[no-untyped-call]
    assert [] == errors
