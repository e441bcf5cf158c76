import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** The demo shop with the embedded chat widget, as a customer sees it. */
export class DemoShopPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/demo');
    await this.page.locator('#keluh-launcher').click();
    await expect(this.widget.getByTestId('widget-status')).toHaveAttribute('data-state', 'connected');
  }

  get widget(): FrameLocator {
    return this.page.frameLocator('#keluh-frame');
  }

  messages(direction: 'in' | 'out'): Locator {
    return this.widget.locator(`[data-testid="widget-message"][data-direction="${direction}"]`);
  }

  async write(text: string): Promise<void> {
    await this.widget.getByTestId('widget-input').fill(text);
    await this.widget.getByTestId('widget-input').press('Enter');
  }
}
