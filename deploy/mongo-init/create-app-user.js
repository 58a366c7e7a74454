// Run once by the official mongo image, on the first start with an empty data volume, as the root user
// (MONGO_INITDB_ROOT_*). Stempel gets a user of its own that can read and write its database and nothing
// else: a leaked application password does not give away the server.
const password = process.env.STEMPEL_DB_PASSWORD;
if (!password) throw new Error('STEMPEL_DB_PASSWORD is not set: see .env.example');
db.getSiblingDB('stempel').createUser({
  user: 'stempel',
  pwd: password,
  roles: [{ role: 'readWrite', db: 'stempel' }],
});
