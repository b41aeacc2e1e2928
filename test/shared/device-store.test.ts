import { expect } from '@open-wc/testing';
import {
  DEVICE_KEY_PREFIX,
  StorageDeviceStore,
  defaultDeviceStore,
} from '../../src/shared/device-store.js';

/** A Storage-like map that records every key written. */
function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('shared/device-store', () => {
  it('stores one key per username under the pep-device: prefix, nothing else', () => {
    const s = memoryStorage();
    const store = new StorageDeviceStore(s, () => 1000);
    store.set('Delegate01', 'tok-1', 5000);
    expect([...s.map.keys()]).to.deep.equal([`${DEVICE_KEY_PREFIX}delegate01`]);
    expect(JSON.parse(s.map.get('pep-device:delegate01')!)).to.deep.equal({
      token: 'tok-1',
      expiresAt: 5000,
    });
  });

  it('get is case-insensitive on the username and returns the token until it expires', () => {
    let now = 1000;
    const s = memoryStorage();
    const store = new StorageDeviceStore(s, () => now);
    store.set('delegate01', 'tok-1', 5000);
    expect(store.get('DELEGATE01')).to.deep.equal({ token: 'tok-1', expiresAt: 5000 });
    expect(store.get('other0001')).to.equal(null);
    now = 5000;
    expect(store.get('delegate01')).to.equal(null);
    expect(s.map.size, 'expired token is removed').to.equal(0);
  });

  it('delete removes the token; a corrupt entry reads as none and is removed', () => {
    const s = memoryStorage();
    const store = new StorageDeviceStore(s, () => 0);
    store.set('delegate01', 'tok', 10);
    store.delete('delegate01');
    expect(store.get('delegate01')).to.equal(null);
    s.map.set('pep-device:delegate02', '{not json');
    expect(store.get('delegate02')).to.equal(null);
    s.map.set('pep-device:delegate03', JSON.stringify({ token: 1 }));
    expect(store.get('delegate03')).to.equal(null);
    expect(s.map.has('pep-device:delegate03')).to.equal(false);
  });

  it('ignores an empty username and survives storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    const store = new StorageDeviceStore(throwing, () => 0);
    expect(() => store.set('delegate01', 't', 10)).not.to.throw();
    expect(store.get('delegate01')).to.equal(null);
    expect(() => store.delete('delegate01')).not.to.throw();
    const s = memoryStorage();
    const store2 = new StorageDeviceStore(s, () => 0);
    store2.set('  ', 't', 10);
    expect(s.map.size).to.equal(0);
    expect(store2.get('')).to.equal(null);
  });

  it('the default store uses localStorage', () => {
    defaultDeviceStore.set('storetest01', 'tok-x', Date.now() + 60_000);
    try {
      expect(localStorage.getItem('pep-device:storetest01')).to.contain('tok-x');
      expect(defaultDeviceStore.get('storetest01')?.token).to.equal('tok-x');
    } finally {
      defaultDeviceStore.delete('storetest01');
    }
    expect(localStorage.getItem('pep-device:storetest01')).to.equal(null);
  });
});
