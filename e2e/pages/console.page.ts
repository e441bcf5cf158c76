import { expect, type Locator, type Page } from '@playwright/test';
import { SocketLine } from '../fixtures/socket-line.ts';

/** The agent console as an agent uses it: sign in, find a ticket, reply. */
export class ConsolePage {
  private readonly socketLine: SocketLine;

  constructor(readonly page: Page) {
    this.socketLine = new SocketLine(page);
  }

  async signIn(credentials: { email: string; password: string }): Promise<void> {
    await this.socketLine.attach();
    await this.page.goto('/');
    await this.page.getByTestId('login-email').fill(credentials.email);
    await this.page.getByTestId('login-password').fill(credentials.password);
    await this.page.getByTestId('login-submit').click();
    await expect(this.page.getByTestId('ticket-row').first()).toBeVisible();
    await expect(this.connection).toHaveAttribute('data-state', 'connected');
  }

  get connection(): Locator {
    return this.page.getByTestId('connection-status');
  }

  ticketRow(text: string): Locator {
    return this.page.getByTestId('ticket-row').filter({ hasText: text });
  }

  timelineMessages(): Locator {
    return this.page.getByTestId('timeline-message');
  }

  async reply(text: string): Promise<void> {
    await this.page.getByTestId('composer-input').fill(text);
    await this.page.getByTestId('composer-input').press('Enter');
  }

  /** A slow line: the page stops hearing the server (its own sends still go out) until releaseSocket(). */
  holdSocket(): void {
    this.socketLine.hold();
  }

  releaseSocket(): void {
    this.socketLine.release();
  }

  /** Closes the live connection the way a flaky network would; socket.io reconnects by itself. */
  async dropSocket(): Promise<void> {
    await this.socketLine.cut();
  }
}
