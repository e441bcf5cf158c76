import { expect, type Locator, type Page } from '@playwright/test';
import { ConsolePage } from './console.page.ts';

/** The supervisor board as a supervisor uses it: open it from the rail, read a row, reassign it. */
export class BoardPage {
  readonly console: ConsolePage;

  constructor(readonly page: Page) {
    this.console = new ConsolePage(page);
  }

  async signInAndOpen(credentials: { email: string; password: string }): Promise<void> {
    await this.console.signIn(credentials);
    // From the rail, as a supervisor does: a client-side move, the live connection stays as it is.
    await this.page.getByTestId('nav-board').click();
    await expect(this.page.getByTestId('board-tiles')).toBeVisible();
  }

  row(customerName: string): Locator {
    return this.page.getByTestId('board-queue-row').filter({ hasText: customerName });
  }

  async reassign(customerName: string, agentName: string): Promise<void> {
    await this.row(customerName).getByTestId('board-reassign').click();
    await this.page.locator(`[data-testid="board-reassign-option"][data-agent="${agentName}"]`).click();
  }

  agent(name: string): Locator {
    return this.page.locator(`[data-testid="board-agent"][data-agent="${name}"]`);
  }

  /** Marks the document: a reload (or a full navigation) would lose the mark. */
  async markDocument(): Promise<void> {
    await this.page.evaluate(() => ((window as unknown as { boardMark: string }).boardMark = 'loaded once'));
  }

  async documentMark(): Promise<string | undefined> {
    return this.page.evaluate(() => (window as unknown as { boardMark?: string }).boardMark);
  }
}
