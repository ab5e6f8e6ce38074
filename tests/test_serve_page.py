"""The review page in a real browser: headless Debian chromium driven by Selenium, against the tiny model.

`make test` installs chromium + chromium-driver where they are missing (as root, from the Debian archive);
the test skips only when no browser could be installed, and says so.
"""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="clinsum serve needs the 'serve' extra (make venv installs it)")
pytest.importorskip("selenium", reason="the page test needs selenium (the dev extra)")

from conftest import VERIFY_FIXED, VERIFY_NOTE, ScriptedEngine, running_server, scripted_summarizer  # noqa: E402
from page_screenshot import chromium_driver, find_browser, summarize_on_page  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from clinsum.data.dataset import load_examples  # noqa: E402
from clinsum.inference.generate import GenerationOptions  # noqa: E402
from clinsum.serving.service import ServeConfig, SummarizationService  # noqa: E402

MAX_NEW_TOKENS = 80

pytestmark = pytest.mark.skipif(
    find_browser() is None,
    reason="no browser: chromium/chromedriver are not installed and `make browser` could not install them "
           "(it needs root and the Debian archive)")


@pytest.fixture(scope="module")
def page_server(serve_parts):
    summarizer, checker = serve_parts
    config = ServeConfig(model_path="tiny-test-model", port=0, max_new_tokens=MAX_NEW_TOKENS, verify=False)
    service = SummarizationService(config, summarizer=summarizer, checker=checker)
    with running_server(service) as (url, _):
        assert service.wait_ready(30)
        yield url


@pytest.fixture(scope="module")
def verified_server(serve_parts):
    """Verification on (the default), with scripted candidates: one sentence repaired, one dropped."""
    config = ServeConfig(model_path="tiny-test-model", port=0, max_new_tokens=MAX_NEW_TOKENS)
    service = SummarizationService(config, summarizer=scripted_summarizer(), checker=serve_parts[1],
                                   engine=ScriptedEngine)
    with running_server(service) as (url, _):
        assert service.wait_ready(30)
        yield url


@pytest.fixture
def driver(tmp_path):
    browser = chromium_driver(1280, 900, profile_dir=str(tmp_path / "profile"))
    yield browser
    browser.quit()


def note_with_evidence_and_flags(serve_parts, synthetic_splits) -> str:
    """A held-out synthetic note whose tiny-model summary has an evidence sentence and an unsupported fact.

    The tiny model is random, so which note qualifies is found here with the same model and checker.
    """
    summarizer, checker = serve_parts
    notes = [e.note for e in load_examples(synthetic_splits["test"])]
    summaries = summarizer.summarize(notes, GenerationOptions(greedy=True, max_new_tokens=MAX_NEW_TOKENS), progress=False)
    for note, summary in zip(notes, summaries):
        check = checker.check(note, summary)
        if check.unsupported_count and any(s.evidence for s in check.sentences):
            return note
    raise AssertionError("no held-out note gives the tiny model a summary with both evidence and a flag")


def test_summarize_shows_evidence_and_unsupported_facts(page_server, driver, serve_parts, synthetic_splits, tmp_path):
    note = note_with_evidence_and_flags(serve_parts, synthetic_splits)
    summarize_on_page(driver, page_server + "/", note, timeout=60)

    sentences = driver.find_elements(By.CSS_SELECTOR, "#summary-sentences .sentence")
    assert sentences and all(s.text.strip() for s in sentences)
    verdict = driver.find_element(By.ID, "verdict").text
    assert "unsupported fact" in verdict
    marks = driver.find_elements(By.CSS_SELECTOR, "mark.unsupported")
    assert marks and marks[0].get_attribute("data-type")
    assert len(marks) == int(verdict.split()[1])  # "⚠ N unsupported facts": one marker per fact

    with_evidence = [s for s in sentences if s.get_attribute("data-evidence")]
    assert with_evidence
    ActionChains(driver).move_to_element(with_evidence[0]).perform()  # hover highlights the evidence
    evidence_ids = with_evidence[0].get_attribute("data-evidence").split()
    WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".note-sentence.evidence"))
    highlighted = [e.get_attribute("data-id") for e in driver.find_elements(By.CSS_SELECTOR, ".note-sentence.evidence")]
    assert highlighted == evidence_ids
    assert all(driver.find_element(By.ID, f"note-{i}").text.strip() for i in evidence_ids)

    ActionChains(driver).move_to_element(marks[0]).perform()  # hover shows type and reason
    tip = marks[0].find_element(By.CSS_SELECTOR, ".tip")
    WebDriverWait(driver, 5).until(lambda d: tip.is_displayed())
    assert tip.text.startswith(marks[0].get_attribute("data-type") + ":")
    driver.save_screenshot(str(tmp_path / "summarize-1280.png"))
    assert (tmp_path / "summarize-1280.png").stat().st_size > 10_000

    driver.set_window_size(420, 900)  # a narrow window: one column, nothing wider than the window
    assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    driver.save_screenshot(str(tmp_path / "summarize-420.png"))


def test_check_tab_by_keyboard(page_server, driver):
    driver.get(page_server + "/")
    tab = driver.find_element(By.ID, "tab-summarize")
    tab.send_keys(Keys.ARROW_RIGHT)  # arrow keys move between tabs
    assert driver.find_element(By.ID, "tab-check").get_attribute("aria-selected") == "true"
    assert driver.find_element(By.ID, "panel-check").is_displayed()
    driver.find_element(By.ID, "check-note").send_keys("Pt denies chest pain. Lisinopril 10 mg daily.")
    summary = driver.find_element(By.ID, "check-summary")
    summary.send_keys("Reports chest pain; lisinopril 40 mg daily.")
    summary.send_keys(Keys.CONTROL, Keys.ENTER)  # Ctrl+Enter checks
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "verdict").text)
    assert "2 unsupported facts" in driver.find_element(By.ID, "verdict").text
    types = sorted(m.get_attribute("data-type") for m in driver.find_elements(By.CSS_SELECTOR, "mark.unsupported"))
    assert types == ["dose", "negation"]

    driver.find_element(By.ID, "check").send_keys(Keys.TAB)  # keyboard: Tab from the button reaches the sentence
    active = driver.switch_to.active_element
    assert "sentence" in active.get_attribute("class")
    assert [e.get_attribute("data-id") for e in driver.find_elements(By.CSS_SELECTOR, ".note-sentence.evidence")] == ["S2"]
    active.send_keys(Keys.TAB)  # ... and its first unsupported fact, whose reason shows on focus
    mark = driver.switch_to.active_element
    assert mark.tag_name == "mark" and mark.find_element(By.CSS_SELECTOR, ".tip").is_displayed()


def test_all_sentences_supported_line(page_server, driver):
    driver.get(page_server + "/")
    driver.find_element(By.ID, "tab-check").click()
    driver.find_element(By.ID, "check-note").send_keys("Pt denies chest pain. Lisinopril 10 mg daily.")
    driver.find_element(By.ID, "check-summary").send_keys("Lisinopril 10 mg daily. Denies chest pain.")
    driver.find_element(By.ID, "check").click()
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "verdict").text)
    assert driver.find_element(By.ID, "verdict").text.endswith("All sentences supported")
    assert not driver.find_elements(By.CSS_SELECTOR, "mark.unsupported")


def test_verified_summary_marks_the_repaired_sentence_and_shows_the_dropped_one_on_demand(verified_server, driver):
    summarize_on_page(driver, verified_server + "/", VERIFY_NOTE, timeout=60)
    line = driver.find_element(By.ID, "verification").text
    assert "Verified: 1 kept, 1 repaired, 1 removed" in line
    assert driver.find_element(By.ID, "verdict").text.endswith("All sentences supported")
    items = driver.find_elements(By.CSS_SELECTOR, "#summary-sentences .sentence")
    assert [("repaired" in i.get_attribute("class"), "dropped" in i.get_attribute("class")) for i in items] == [
        (True, False), (False, False), (False, True)]
    repaired, _, dropped = items
    assert VERIFY_FIXED in repaired.text and "was: Takes lisinopril 40 mg daily." in repaired.text
    assert "40 mg" in repaired.find_element(By.CSS_SELECTOR, ".was").text  # the reason: the dose it had
    assert not dropped.is_displayed()  # removed sentences are hidden, never gone
    toggle = driver.find_element(By.ID, "toggle-dropped")
    assert toggle.text == "Show removed sentences (1)" and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert dropped.is_displayed() and "Started on metformin 500 mg." in dropped.text and "metformin" in dropped.text
    assert toggle.get_attribute("aria-expanded") == "true" and toggle.text.startswith("Hide")
    toggle.send_keys(Keys.ENTER)  # the keyboard hides them again
    assert not dropped.is_displayed()
