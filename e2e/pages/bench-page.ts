// Page object for SocketBench: every locator uses the accessible names of DESIGN.md section 6.
import { expect, type Locator, type Page } from '@playwright/test';

export class BenchPage {
  readonly protocol: Locator;
  readonly host: Locator;
  readonly port: Locator;
  readonly connect: Locator;
  readonly disconnect: Locator;
  readonly state: Locator;
  readonly message: Locator;
  readonly encodeAs: Locator;
  readonly lineEnding: Locator;
  readonly send: Locator;
  readonly decodeAs: Locator;
  readonly log: Locator;
  readonly clearLog: Locator;
  readonly rx: Locator;
  readonly tx: Locator;

  constructor(readonly page: Page) {
    this.protocol = page.getByLabel('Protocol');
    this.host = page.getByLabel('Host', { exact: true });
    this.port = page.getByLabel('Port', { exact: true });
    this.connect = page.getByRole('button', { name: 'Connect', exact: true });
    this.disconnect = page.getByRole('button', { name: 'Disconnect', exact: true });
    this.state = page.getByRole('status').filter({ hasText: /Connected|Connecting|Disconnected|Error/ });
    this.message = page.getByLabel('Message', { exact: true });
    this.encodeAs = page.getByLabel('Encode as');
    this.lineEnding = page.getByLabel('Line ending');
    this.send = page.getByRole('button', { name: 'Send', exact: true });
    this.decodeAs = page.getByLabel('Decode as');
    this.log = page.getByRole('log', { name: 'Traffic log' });
    this.clearLog = page.getByRole('button', { name: 'Clear log' });
    this.rx = page.getByLabel('RX', { exact: true });
    this.tx = page.getByLabel('TX', { exact: true });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.log).toBeVisible();
  }

  async connectTo(host: string, port: number): Promise<void> {
    await this.protocol.selectOption({ label: 'TCP client' });
    await this.host.fill(host);
    await this.port.fill(String(port));
    await this.connect.click();
  }

  async sendText(text: string, encodeAs: 'ASCII' | 'UTF-8' | 'Hex' = 'ASCII'): Promise<void> {
    await this.encodeAs.selectOption({ label: encodeAs });
    await this.message.fill(text);
    await this.send.click();
  }
}
