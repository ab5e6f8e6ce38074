"""Screenshot the `clinsum serve` page after summarizing a note, in headless Chromium (Debian's chromium).

    clinsum serve --model-path runs/demo/sft/final_model &                # then, once /health says ready:
    python scripts/page_screenshot.py --note-file note.txt --output docs/serve-page.png   # removed sentences shown
    python scripts/page_screenshot.py --note-file note.txt --summary-file summary.txt --output docs/serve-check.png

tests/test_serve_page.py drives the page with the same browser set-up (``chromium_driver``).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile

# Flags that work as root in a container without a display, GPU or outside network.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage")


def find_browser() -> tuple[str, str] | None:
    """(chromium, chromedriver) paths, or None when either is missing (`make browser` installs both)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def chromium_driver(width: int = 1280, height: int = 900, profile_dir: str | None = None):
    """A Selenium Chrome driver on the system chromium + chromedriver (no Selenium Manager download)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = find_browser()
    if found is None:
        raise RuntimeError("chromium and chromedriver are needed: apt-get install chromium chromium-driver "
                           "(or `make browser` as root)")
    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile_dir or tempfile.mkdtemp(prefix='clinsum-chromium-')}")
    options.add_argument(f"--window-size={width},{height}")
    return webdriver.Chrome(service=Service(executable_path=found[1]), options=options)


def summarize_on_page(driver, url: str, note: str, timeout: float = 600.0, context: str = ""):
    """Open the page, type ``note`` (and the section ``context``), click Summarize and wait for the result;
    returns the first summary sentence."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url)
    WebDriverWait(driver, timeout).until(lambda d: "ready" in d.find_element(By.ID, "model-line").text
                                         or "model:" in d.find_element(By.ID, "model-line").text)
    driver.find_element(By.ID, "note").send_keys(note)
    if context:
        driver.find_element(By.ID, "context").send_keys(context)
    driver.find_element(By.ID, "summarize").click()
    return WebDriverWait(driver, timeout).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#summary-sentences .sentence")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000/")
    parser.add_argument("--note-file", required=True, help="UTF-8 text file with the note to summarize")
    parser.add_argument("--output", default="docs/serve-page.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--summary-file", help="check this summary in the Check tab instead of summarizing")
    parser.add_argument("--context", default="", help="section name typed into the page with the note (e.g. GENHX)")
    parser.add_argument("--hover", type=int, default=0, help="summary sentence (1-based) to hover, showing its evidence "
                                                             "(0: the first repaired sentence, else the first)")
    parser.add_argument("--hide-removed", action="store_true", help="leave a verified summary's removed sentences hidden")
    args = parser.parse_args()

    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    with open(args.note_file, encoding="utf-8") as f:
        note = f.read().strip()
    driver = chromium_driver(args.width, args.height)
    try:
        if args.summary_file:
            with open(args.summary_file, encoding="utf-8") as f:
                summary = f.read().strip()
            driver.get(args.url)
            driver.find_element(By.ID, "tab-check").click()
            driver.find_element(By.ID, "check-note").send_keys(note)
            driver.find_element(By.ID, "check-summary").send_keys(summary)
            driver.find_element(By.ID, "check").click()
            WebDriverWait(driver, 600).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#summary-sentences .sentence")))
        else:
            summarize_on_page(driver, args.url, note, context=args.context)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {  # the whole page in one picture
            "width": args.width, "height": min(max(height, args.height), 2400), "deviceScaleFactor": 1, "mobile": False})
        toggle = driver.find_elements(By.ID, "toggle-dropped")
        if toggle and not args.hide_removed:  # a verified summary: show what was removed, and why
            toggle[0].click()
        sentences = driver.find_elements(By.CSS_SELECTOR, "#summary-sentences .sentence:not(.dropped)")
        repaired = driver.find_elements(By.CSS_SELECTOR, "#summary-sentences .sentence.repaired")
        hovered = sentences[min(args.hover, len(sentences)) - 1] if args.hover else (repaired or sentences)[0]
        ActionChains(driver).move_to_element(hovered).perform()
        marks = driver.find_elements(By.CSS_SELECTOR, "mark.unsupported")
        if marks:  # show one unsupported fact's reason too
            driver.execute_script("arguments[0].querySelector('.tip').style.display = 'block'", marks[0])
        driver.save_screenshot(args.output)
        print(f"wrote {args.output}")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
