import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/harness';
import { openMenu } from '../test/menu';
import { addProducts } from '../test/people';

afterEach(() => {
  vi.unstubAllGlobals();
  document.documentElement.lang = 'en';
});

/** The browser's own language list, as a person's browser settings would give it. */
function browserSpeaks(...languages: string[]) {
  vi.stubGlobal('navigator', { ...navigator, language: languages[0], languages });
}

describe('languages', () => {
  it('switches to Simplified Chinese from the "Language" combobox, and remembers it', async () => {
    const { user, unmount, basket } = await renderApp();
    await addProducts(user, 'Milk');
    await user.selectOptions(
      (await openMenu(user)).getByRole('combobox', { name: 'Language' }),
      '简体中文',
    );

    expect(await screen.findByRole('button', { name: '添加' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByRole('combobox', { name: '商品' })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: '数量' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: '搜索' })).toBeInTheDocument();
    const list = screen.getByRole('list', { name: '购物清单' });
    expect(within(list).getByRole('heading', { name: /乳品蛋类/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '编辑Milk' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '撤销' })).toBeEnabled();
    expect(screen.getByRole('combobox', { name: /语言/ })).toHaveDisplayValue('简体中文');

    unmount();
    basket.dispose();
    await renderApp();
    expect(await screen.findByRole('button', { name: '添加' })).toBeInTheDocument();
  });

  it('starts in Chinese when the browser prefers any Chinese', async () => {
    browserSpeaks('zh-TW', 'en');
    const { user } = await renderApp();
    const add = await screen.findByRole('combobox', { name: '商品' });
    await user.type(add, '香蕉{Enter}');
    expect(await screen.findByRole('checkbox', { name: '香蕉' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('已添加香蕉。');
    expect(screen.getByRole('heading', { name: /蔬菜水果/ })).toBeInTheDocument();
  });

  it('says what went wrong in Chinese, beside the field', async () => {
    browserSpeaks('zh-CN');
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: '添加' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请输入商品名称。');
  });

  it('tells the history in Chinese, undo included', async () => {
    browserSpeaks('zh-CN');
    const { user } = await renderApp();
    await user.type(await screen.findByRole('combobox', { name: '商品' }), '牛奶{Enter}');
    await screen.findByRole('checkbox', { name: '牛奶' });
    await user.click(screen.getByRole('checkbox', { name: '牛奶' }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: '牛奶' })).toBeChecked());
    await user.click(screen.getByRole('button', { name: '撤销' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('已撤销：买好牛奶'));

    await user.click((await openMenu(user, '菜单')).getByRole('button', { name: '历史' }));
    const history = await screen.findByRole('list', { name: '发生过的一切，最新的在前' });
    expect(await within(history).findByText('已撤销：买好牛奶')).toBeInTheDocument();
    expect(within(history).getByText('已买好牛奶。')).toBeInTheDocument();
    expect(within(history).getByText('已添加牛奶。')).toBeInTheDocument();
  });

  it('stays in English for English browsers, with the names of the accessible contract', async () => {
    browserSpeaks('en-GB');
    const { user } = await renderApp();
    expect(screen.getByRole('combobox', { name: 'Product' })).toBeInTheDocument();
    expect((await openMenu(user)).getByRole('combobox', { name: 'Language' })).toHaveDisplayValue(
      'English',
    );
    expect(document.documentElement.lang).toBe('en');
  });
});
