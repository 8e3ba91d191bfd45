import { isIdentifierSegment, singularise, templatePath } from './path-template.util';

describe(templatePath.name, () => {
  it.each([
    ['/users/42', '/users/{userId}'],
    ['/users/me', '/users/me'],
    ['/v1/orders/1001/items/7', '/v1/orders/{orderId}/items/{itemId}'],
    ['/files/3f2504e0-4f89-11d3-9a0c-0305e82c3301', '/files/{fileId}'],
    ['/commits/9fceb02d0ae598e95dc970b74767f19372d61af8', '/commits/{commitId}'],
    ['/api/chat.postMessage', '/api/chat.postMessage'],
    ['/v2/categories/12', '/v2/categories/{categoryId}'],
    ['/boxes/9/addresses/8', '/boxes/{boxId}/addresses/{addressId}'],
    ['/1/2', '/{id}/{id2}'],
    ['/order-items/5', '/order-items/{orderItemId}'],
    ['/users/jane@example.com', '/users/{userId}'],
    ['/objects/5f8d0d55b54764421b7156c9', '/objects/{objectId}'],
    ['/static/app.js', '/static/app.js'],
    ['/health', '/health'],
    ['/', '/'],
    ['', '/'],
    ['*', '*'],
    ['/users/', '/users/'],
    ['/2010-04-01/Accounts', '/2010-04-01/Accounts'],
  ])('should template %s as %s', (path, expected) => {
    expect(templatePath(path)).toBe(expected);
  });
});

describe(isIdentifierSegment.name, () => {
  it.each([
    ['v1', false],
    ['v2.1', false],
    ['settings', false],
    ['deadbeef', false],
    ['0123456789abcdef', true],
    ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', false],
    ['getUserProfileInformationNow', false],
    ['cus_9s6XKzkNRiz8i3aBc1dEfGh', true],
  ])('should say %s -> %s', (segment, expected) => {
    expect(isIdentifierSegment(segment)).toBe(expected);
  });
});

describe(singularise.name, () => {
  it.each([
    ['users', 'user'],
    ['categories', 'category'],
    ['statuses', 'status'],
    ['people', 'person'],
    ['access', 'access'],
  ])('should singularise %s as %s', (word, expected) => {
    expect(singularise(word)).toBe(expected);
  });
});
