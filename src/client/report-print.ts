/** The report page's print button: hidden without JavaScript, shown here and wired to the browser's print dialog (which also saves as PDF). */

function setup(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-report-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
}

setup();
